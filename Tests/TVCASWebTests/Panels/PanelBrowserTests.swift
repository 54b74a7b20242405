import Foundation
import TVCASTesting
import Testing

/// The panels in a real browser (issue 12): headless Debian chromium driven by Selenium
/// (`Tests/browser/panels_test.py`) against nginx → `tvcas web` → MariaDB. Screenshots of every
/// page go to `var/screenshots/` in the repository. Without chromium, chromium-driver or
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

    @Test("log in as admin and oper with the form, search, edit packages, download a .bin; a screenshot of each page")
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
        let result = try Subprocess.run(
            "timeout",
            [
                "300", "python3", Self.script.path, "--base-url", stack.nginx!.baseURL.absoluteString, "--admin-password",
                PanelLoginTests.admin, "--oper-password", PanelLoginTests.oper, "--screenshots", Self.screenshots.path, "--downloads",
                downloads.url.path,
            ])
        let output = result.output
        guard result.status == 0 else {
            Issue.record("panels_test.py exited \(result.status):\n\(output)\n\(result.errorOutput)\nweb log:\n\(stack.log)")
            return
        }
        var results: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("result ") {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            if parts.count == 3 { results[parts[1]] = parts[2] }
        }
        for name in [
            "admin_login", "admin_search", "admin_edit_packages", "admin_download_bin", "admin_sort", "admin_other_pages", "oper_login",
            "oper_search_and_edit",
            "oper_logout",
        ] {
            #expect(output.contains("ok \(name)\n"), "scenario \(name) did not pass")
        }

        // The edits reached the database, each with its log row and change-queue row.
        #expect(try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE serial_no = 2100000001") == results["edited_access_criteria"])
        #expect(try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE serial_no = 2100000004") == results["oper_access_criteria"])
        #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit smartcard 2100000001' ORDER BY id DESC LIMIT 1") == "admin")
        #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit smartcard 2100000004' ORDER BY id DESC LIMIT 1") == "oper")
        #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE serial_no IN (2100000001, 2100000004)") == "2")

        // The downloaded .bin holds the card as the database has it.
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

        // A screenshot of every page.
        for name in [
            "admin-login", "admin-smartcards", "admin-search-word", "admin-search-serial", "admin-card-edit", "admin-card-saved", "admin-sorted",
            "admin-card-add",
            "admin-packages", "admin-card-remove", "oper-login", "oper-smartcards", "oper-search", "oper-card-edit",
        ] {
            let path = Self.screenshots.appendingPathComponent(name + ".png").path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 1000, "no screenshot \(name).png")
        }
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String(format: "%02X", $0) }.joined()
    }
}
