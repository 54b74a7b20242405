import Foundation
import TVCASTesting
import Testing

/// The panels in a real browser (issue 12): headless Debian chromium driven by Selenium
/// (`Tests/browser/panels_test.py`) against nginx → `tvcas web` → MariaDB. Screenshots of every
/// page go to `var/screenshots/` in the repository. Issue 13 adds a CSV import (a good file and
/// a refused one) and an ECMG switched on and off in the browser, seen reaching a real
/// `tvcas supervise` that starts and stops the real `tvcas ecmg`. Without chromium, chromium-driver or
/// selenium the test fails and says what to install (CI installs them).
@Suite("Panels: a real browser (chromium + Selenium)")
struct PanelBrowserTests {
    static let script = RepositoryPaths.root.appendingPathComponent("Tests/browser/panels_test.py")
    static let screenshots = RepositoryPaths.root.appendingPathComponent("var/screenshots")

    /// What is missing to run the browser, nil when everything is there.
    static func missingTools() -> String? {
        var missing: [String] = []
        if !["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: FileManager.default.isExecutableFile(atPath:)) {
            missing.append("chromium (apt-get install chromium)")
        }
        if !["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].contains(where: FileManager.default.isExecutableFile(atPath:)) {
            missing.append("chromium-driver (apt-get install chromium-driver)")
        }
        let selenium = try? Subprocess.run("python3", ["-c", "import selenium"])
        if selenium?.status != 0 { missing.append("the PyPI package selenium (pip install --break-system-packages selenium)") }
        return missing.isEmpty ? nil : missing.joined(separator: ", ")
    }

    /// The scenarios of the first run, in the script's order; the second run switches the ECMG off.
    static let firstRun = [
        "admin_login", "admin_search", "admin_edit_packages", "admin_download_bin", "admin_sort", "admin_other_pages", "oper_login",
        "oper_search_and_edit", "oper_logout", "admin_csv_import", "admin_ecmg_on",
    ]
    static let secondRun = ["admin_login", "admin_ecmg_off"]

    /// The fixture's ECMG the browser switches on and off.
    static let ecmg = 26

    @Test(
        "log in as admin and oper with the form, search, edit packages, download a .bin, import CSV files, switch an ECMG on and off through the supervisor; a screenshot of each page"
    )
    func browserScenarios() throws {
        if let missing = Self.missingTools() {
            Issue.record("The browser test needs \(missing); scripts/install-deps.sh installs them.")
            return
        }
        let stack = try WebStack()
        defer { stack.stop() }
        let downloads = try ScratchDirectory(prefix: "tvcas-downloads")
        defer { downloads.remove() }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        for old in (try? FileManager.default.contentsOfDirectory(atPath: Self.screenshots.path)) ?? [] where old.hasSuffix(".png") {
            try? FileManager.default.removeItem(at: Self.screenshots.appendingPathComponent(old))
        }
        let csv = try Self.writeCSVFiles()
        defer { csv.remove() }
        let card3 = try stack.sql("SELECT name, finish FROM tvcas_smartcards WHERE serial_no = 2100000003")

        // ECMG_26 of the fixture on a free port of 127.0.0.1, every generator off and on the
        // configuration's ECM key; a real supervisor on the same database and configuration.
        let ecmgPort = freeLoopbackPort()
        var metricsPort = freeLoopbackPort()
        while metricsPort == ecmgPort || metricsPort <= Self.ecmg { metricsPort = freeLoopbackPort() }
        try stack.sql(
            "UPDATE tvcas_ecmg SET enable = 0, `key` = '\(PanelCardToolsTests.ecmKey)'; UPDATE tvcas_emmg SET enable = 0; "
                + "UPDATE tvcas_ecmg SET host = 2130706433, port = \(ecmgPort), status = 1, run_on = '' WHERE id = \(Self.ecmg)")
        let supervisor = try StackSupervisor(stack: stack, childPortBase: metricsPort - Self.ecmg)
        defer { supervisor.stop() }
        let arguments = [
            "--csv-good", csv.path("good.csv"), "--csv-bad", csv.path("bad.csv"), "--ecmg-id", String(Self.ecmg),
        ]

        let first = try Self.runScript(stack, downloads: downloads, only: Self.firstRun, extra: arguments)
        guard first.passed else {
            Issue.record("panels_test.py failed:\n\(first.output)\nweb log:\n\(stack.log)\nsupervisor log:\n\(supervisor.log)")
            return
        }
        for name in Self.firstRun {
            #expect(first.output.contains("ok \(name)\n"), "scenario \(name) did not pass")
        }
        try checkPanelEdits(stack, results: first.results)
        try checkCSVImport(stack, results: first.results, card3: card3)

        // The supervisor started the real ECMG: its pid is in the state row and it listens on the row's port.
        let pid = try #require(first.results["ecmg_pid"].flatMap { Int32($0) })
        #expect(try stack.sql("SELECT pid FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(Self.ecmg)") == String(pid))
        #expect(Self.commandLine(pid).contains("ecmg"), "pid \(pid) is not a tvcas ecmg: \(Self.commandLine(pid))")
        #expect(eventually(within: 60) { loopbackPortAcceptsConnections(ecmgPort) }, "ECMG_26 does not listen on \(ecmgPort):\n\(supervisor.log)")
        #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Start ECMG_26'") == "admin")
        #expect(
            try eventually(within: 30) {
                try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE user = 'sys' AND msg = 'ECMG_26 started on browser (pid \(pid))'") == "1"
            }, "no supervisor log row for the start")

        // The browser switches it off: the supervisor stops it and the port refuses.
        let second = try Self.runScript(stack, downloads: downloads, only: Self.secondRun, extra: arguments)
        guard second.passed else {
            Issue.record("panels_test.py (switch off) failed:\n\(second.output)\nweb log:\n\(stack.log)\nsupervisor log:\n\(supervisor.log)")
            return
        }
        #expect(second.output.contains("ok admin_ecmg_off\n"))
        #expect(eventually(within: 60) { !loopbackPortAcceptsConnections(ecmgPort) }, "ECMG_26 still listens on \(ecmgPort):\n\(supervisor.log)")
        #expect(eventually(within: 60) { !Self.commandLine(pid).contains("ecmg") }, "the ECMG process \(pid) is still there")
        #expect(try stack.sql("SELECT enable FROM tvcas_ecmg WHERE id = \(Self.ecmg)") == "0")
        #expect(try stack.sql("SELECT pid IS NULL FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(Self.ecmg)") == "1")
        #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Stop ECMG_26'") == "admin\t1")

        // A screenshot of every page.
        for name in [
            "admin-login", "admin-smartcards", "admin-search-word", "admin-search-serial", "admin-card-edit", "admin-card-saved", "admin-sorted",
            "admin-card-add", "admin-packages", "admin-card-remove", "oper-login", "oper-smartcards", "oper-search", "oper-card-edit",
            "admin-csv-import-form", "admin-csv-import-done", "admin-csv-import-refused", "admin-ecmg-switched-on", "admin-ecmg-running",
            "admin-ecmg-stopped",
        ] {
            let path = Self.screenshots.appendingPathComponent(name + ".png").path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 1000, "no screenshot \(name).png")
        }
    }

    /// The package edits reached the database, each with its log row and change-queue row, and
    /// the downloaded .bin holds card 2100000003 as the database has it.
    private func checkPanelEdits(_ stack: WebStack, results: [String: String]) throws {
        #expect(try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE serial_no = 2100000001") == results["edited_access_criteria"])
        #expect(try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE serial_no = 2100000004") == results["oper_access_criteria"])
        #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit smartcard 2100000001' ORDER BY id DESC LIMIT 1") == "admin")
        #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit smartcard 2100000004' ORDER BY id DESC LIMIT 1") == "oper")
        #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE serial_no IN (2100000001, 2100000004)") == "2")

        let binPath = try #require(results["bin_path"])
        let bin = [UInt8](try Data(contentsOf: URL(fileURLWithPath: binPath)))
        try #require(bin.count == 90)
        let row = try stack.sql(
            "SELECT serial_no, start, finish, access_criteria, pair, type, `key` FROM tvcas_smartcards WHERE serial_no = 2100000003"
        )
        .split(separator: "\t").map(String.init)
        try #require(row.count == 7)
        #expect(Self.uint32(bin, at: 0) == UInt32(row[0]))
        #expect(Self.uint32(bin, at: 23) == UInt32(row[1]))
        #expect(Self.uint32(bin, at: 27) == UInt32(row[2]))
        #expect(Self.hex(bin[31..<35]) == row[3].uppercased())
        #expect(bin[39] == (row[4] == "0" ? 0 : 1))
        #expect(bin[40] == (row[5] == "1" ? 1 : 0))
        #expect(Self.hex(bin[42..<74]) == PanelCardToolsTests.ecmKey)
        #expect(Self.hex(bin[74..<90]) == row[6].uppercased())
    }

    /// The good file added 2100000060 and updated 2100000002 with change-queue rows and the
    /// log row; the bad file (line 3) changed nothing and was logged as processing nothing.
    private func checkCSVImport(_ stack: WebStack, results: [String: String], card3: String) throws {
        #expect(
            try stack.sql("SELECT name, info, `key`, access_criteria, type, pair, start, finish FROM tvcas_smartcards WHERE serial_no = 2100000060")
                == "Browser Import\tNew card\tABCDEF0123456789ABCDEF0123456789\t0000000F\t1\t0\t1600000000\t1900000000")
        #expect(
            try stack.sql("SELECT name, info, access_criteria, finish FROM tvcas_smartcards WHERE serial_no = 2100000002")
                == "Updated by CSV\tUpdated info\t000000FF\t1900000000")
        #expect(
            try stack.sql("SELECT serial_no, source FROM tvcas_card_changes WHERE serial_no IN (2100000002, 2100000060) ORDER BY serial_no")
                == "2100000002\tcsv\n2100000060\tcsv")
        #expect(
            try stack.sql(
                "SELECT COUNT(*) FROM tvcas_logs WHERE msg REGEXP '^Import CSV, add: 1, upd: 1. Total: [0-9.]+ sec.$' AND user = 'admin'") == "1")
        #expect(
            try stack.sql(
                "SELECT COUNT(*) FROM tvcas_logs WHERE msg REGEXP '^Import CSV, add: 0, upd: 0. Total: [0-9.]+ sec.$' AND user = 'admin'") == "1")
        #expect(results["csv_problem"]?.contains("2200000000") == true, "the listed problem: \(results["csv_problem"] ?? "none")")
        #expect(try stack.sql("SELECT name, finish FROM tvcas_smartcards WHERE serial_no = 2100000003") == card3)
        #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE serial_no IN (2100000003, 2200000000)") == "0")
        #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE serial_no = 2200000000") == "0")
    }

    /// `good.csv` (a new card 2100000060, an update of 2100000002) and `bad.csv` (a valid update
    /// of 2100000003, then an out-of-range serial on line 3) in a scratch folder.
    private static func writeCSVFiles() throws -> ScratchDirectory {
        let folder = try ScratchDirectory(prefix: "tvcas-browser-csv")
        let header = "serial_no;name;info;key;access_criteria;type;pair;start;finish;edit"
        let good = [
            header,
            "2100000060;Browser Import;New card;ABCDEF0123456789ABCDEF0123456789;0000000F;1;0;1600000000;1900000000;",
            "2100000002;Updated by CSV;Updated info;0123456789ABCDEF0123456789ABCDEF;000000FF;1;0;1600000000;1900000000;",
        ]
        let bad = [
            header,
            "2100000003;Must not change;Info;0123456789ABCDEF0123456789ABCDEF;0000FFFF;1;0;1600000000;1700000000;",
            "2200000000;Bad serial;Info;0123456789ABCDEF0123456789ABCDEF;0000FFFF;1;0;1600000000;1700000000;",
        ]
        try (good.joined(separator: "\n") + "\n").write(toFile: folder.path("good.csv"), atomically: true, encoding: .utf8)
        try (bad.joined(separator: "\n") + "\n").write(toFile: folder.path("bad.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs `panels_test.py` with scenarios `only`: whether it passed, its output and its `result` lines.
    private static func runScript(
        _ stack: WebStack, downloads: ScratchDirectory, only: [String], extra: [String]
    ) throws -> (passed: Bool, output: String, results: [String: String]) {
        let result = try Subprocess.run(
            "timeout",
            [
                "600", "python3", Self.script.path, "--base-url", stack.nginx!.baseURL.absoluteString, "--admin-password",
                PanelLoginTests.admin, "--oper-password", PanelLoginTests.oper, "--screenshots", Self.screenshots.path, "--downloads",
                downloads.url.path,
            ] + extra + ["--only"] + only)
        var results: [String: String] = [:]
        for line in result.output.split(separator: "\n") where line.hasPrefix("result ") {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            if parts.count == 3 { results[parts[1]] = parts[2] }
        }
        let output = result.status == 0 ? result.output : "exit \(result.status)\n\(result.output)\n\(result.errorOutput)"
        return (result.status == 0, output, results)
    }

    /// The arguments of process `pid` (none when it is gone or a zombie).
    private static func commandLine(_ pid: Int32) -> [String] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        return text.split(separator: "\0").map(String.init)
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String(format: "%02X", $0) }.joined()
    }
}
