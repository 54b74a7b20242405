import Foundation
import TVCASTesting
import Testing

/// The README's "Upgrade from TVCAS3", run as written: its shell blocks are read from the README
/// (so text and test cannot drift) and run in order, each on the server its first line names,
/// against two private MariaDB servers ("the TVCAS3 server" loaded from the fixture dump, "the new
/// server" empty), with a fake TVCAS3 installation (web root with `o.php` and
/// `sources/SQLyogTunnel.php`, the cron line, the sudo rules) under a temporary root.
///
/// How a block is adapted, and nothing else: every `/etc/`, `/var/` and `/usr/local/` path moves
/// under the temporary root; `make install` gets `DESTDIR` and the test build's binary, which also
/// stands for `.build/release/tvcas`; lines that need a running system are left out
/// (``skippedCommands``) and their results checked here instead.
@Suite("Upgrade from TVCAS3, following the README", .serialized)
struct UpgradeTests {
    /// Commands the test does not run, and why.
    static let skippedCommands: [(prefix: String, reason: String)] = [
        ("make release", "the test build's tvcas stands for the release build"),
        ("pkill ", "no TVCAS3 generators run here, and the test ends only its own processes"),
        ("chgrp tvcas", "the tvcas user exists only after make install on a real root"),
        ("nginx -t", "checked below with the installed site under the temporary root"),
        ("systemctl ", "no running systemd here"),
    ]

    @Test("dump, load, import-legacy-config, install, migrate, nginx, cards decode, the old installation removed")
    func upgradeByTheREADME() throws {
        let blocks = try Self.readmeBlocks()
        #expect(blocks.count == 6, "the README section has \(blocks.count) shell blocks")
        let old = try MariaDBServer.start(tcp: false)
        let new = try MariaDBServer.start(tcp: false)
        let scratch = try ScratchDirectory(prefix: "tvcas-upgrade")
        defer {
            old.stop()
            new.stop()
            scratch.remove()
        }
        let root = scratch.path("root")
        let work = scratch.path("work")
        try Self.makeTVCAS3(root: root, oldServer: old)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let fixtureCards = try old.execute(
            "SELECT COUNT(*), SUM(CRC32(CONCAT_WS('|', serial_no, `key`, access_criteria, start, finish))) FROM tvcas_smartcards", database: "tvcas")

        var outputs: [String] = []
        for (index, block) in blocks.enumerated() {
            let server: MariaDBServer
            if block.hasPrefix("# on the TVCAS3 server") {
                server = old
            } else if block.hasPrefix("# on the new server") {
                server = new
            } else {
                Issue.record("block \(index + 1) does not say which server it runs on: \(block)")
                continue
            }
            let script = Self.adapt(block, root: root)
            let result = try Self.runShell(script, server: server, scratch: scratch, root: root, work: work, name: "block\(index + 1)")
            outputs.append(result.output)
            try #require(result.status == 0, "block \(index + 1) failed (\(result.status)):\n\(script)\n\(result.output)\(result.errorOutput)")
        }

        // The new database holds every card as the old one did, migrated.
        #expect(
            try new.execute(
                "SELECT COUNT(*), SUM(CRC32(CONCAT_WS('|', serial_no, `key`, access_criteria, start, finish))) FROM tvcas_smartcards",
                database: "tvcas") == fixtureCards)
        #expect(try new.execute("SELECT COUNT(*) > 0 FROM tvcas_schema_migrations", database: "tvcas") == "1\n")
        // The configuration is config.php's, with hashed panel passwords, and it is valid.
        let config = try String(contentsOfFile: root + "/etc/tvcas/tvcas.toml", encoding: .utf8)
        #expect(config.contains("ecm_key = \"6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58\""))
        #expect(config.contains("pass_admin = \"$y$"))
        // Step 5 printed the card's answer: the ECM decodes.
        #expect(outputs.count > 4 && outputs[4].contains("\"result\":\"cw\""), "\(outputs)")
        // nginx: only our site is enabled, and it passes nginx -t.
        let enabled = try FileManager.default.contentsOfDirectory(atPath: root + "/etc/nginx/sites-enabled")
        #expect(enabled == ["tvcas"])
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: root + "/etc/nginx/sites-enabled/tvcas").hasSuffix(
                "/etc/nginx/sites-available/tvcas"))
        try """
        pid \(scratch.path("nginx.pid"));
        error_log \(scratch.path("nginx-error.log"));
        events { worker_connections 64; }
        http { include /etc/nginx/mime.types; access_log off; include \(root)/etc/nginx/sites-enabled/*; }
        """.write(toFile: scratch.path("nginx.conf"), atomically: true, encoding: .utf8)
        let nginx = try Subprocess.run("nginx", ["-t", "-p", scratch.url.path, "-c", scratch.path("nginx.conf")])
        #expect(nginx.status == 0, "\(nginx.errorOutput)")
        // The services were installed, ready for systemctl.
        #expect(FileManager.default.fileExists(atPath: root + "/usr/local/lib/systemd/system/tvcas-supervise.service"))
        // TVCAS3 is gone: no cron line, no sudo rules, no web root (o.php, SQLyogTunnel.php), no pid files.
        let crontab = try String(contentsOfFile: root + "/etc/crontab", encoding: .utf8)
        #expect(!crontab.contains("cron1min.php"))
        #expect(crontab.contains("run-parts"), "other cron lines are kept")
        let sudoers = try String(contentsOfFile: root + "/etc/sudoers", encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/sudoers.d/tvcas3"))
        #expect(!sudoers.contains("cas/bin"))
        for gone in ["/var/www/tvcas3/o.php", "/var/www/tvcas3/sources/SQLyogTunnel.php", "/var/www/tvcas3", "/var/run/ecmg_24.pid"] {
            #expect(!FileManager.default.fileExists(atPath: root + gone), "\(gone) is still there")
        }
    }

    /// The ```sh blocks of the README's "## Upgrade from TVCAS3" section, in order.
    static func readmeBlocks() throws -> [String] {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## Upgrade from TVCAS3\n") else { return [] }
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [String] = []
        var current: [String]?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if current == nil, text == "```sh" {
                current = []
            } else if current != nil, text == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(text)
            }
        }
        return blocks
    }

    /// `block` as the test runs it (see the type's comment).
    static func adapt(_ block: String, root: String) -> String {
        let tvcas = RepositoryPaths.tvcasExecutable.path
        var lines: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let skipped = skippedCommands.first(where: { line.hasPrefix($0.prefix) }) {
                lines.append("# left out (\(skipped.reason)): \(line)")
                continue
            }
            var adapted = line.replacingOccurrences(of: ".build/release/tvcas", with: tvcas)
            adapted = adapted.replacingOccurrences(
                of: #"(^|[\s"'=<>(])/(etc|var|usr/local)/"#, with: "$1\(root)/$2/", options: .regularExpression)
            if adapted.hasPrefix("make install") {
                adapted =
                    "make -C '\(RepositoryPaths.root.path)' install DESTDIR='\(root)' PREFIX=/usr/local TVCAS_BIN='\(tvcas)'"
                    + adapted.dropFirst("make install".count)
            }
            lines.append(adapted)
        }
        return lines.joined(separator: "\n")
    }

    /// Runs `script` with bash (`-euo pipefail`) in `work`, talking to `server`: the `mariadb`
    /// clients find its socket in `~/.my.cnf`, TVCAS through `MYSQL_UNIX_PORT` (what
    /// `mysql_server = "localhost"` uses), and the installed `tvcas` comes first on the PATH.
    static func runShell(
        _ script: String, server: MariaDBServer, scratch: ScratchDirectory, root: String, work: String, name: String
    ) throws -> SubprocessResult {
        let home = scratch.path("home-\(name)")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "[client]\nsocket=\(server.socketPath)\n".write(toFile: home + "/.my.cnf", atomically: true, encoding: .utf8)
        let path = "\(root)/usr/local/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Subprocess.run(
            "/bin/bash", ["-euo", "pipefail", "-c", script],
            environment: ["HOME": home, "MYSQL_UNIX_PORT": server.socketPath, "PATH": path],
            currentDirectory: URL(fileURLWithPath: work))
    }

    /// A TVCAS3 installation as the spec describes it: the database `tvcas` from the fixture dump,
    /// the web root with `includes/config.php`, `o.php` and the SQLyog tunnel, the cron line, the
    /// web user's sudo rules, an nginx site and a generator's pid file.
    static func makeTVCAS3(root: String, oldServer: MariaDBServer) throws {
        _ = try oldServer.execute("CREATE DATABASE tvcas CHARACTER SET utf8mb3")
        try oldServer.load(RepositoryPaths.fixtureDump, into: "tvcas")
        let files: [String: String] = [
            "/var/www/tvcas3/includes/config.php": try String(contentsOf: RepositoryPaths.legacyConfig, encoding: .utf8),
            "/var/www/tvcas3/o.php": "<?php // the packager\n",
            "/var/www/tvcas3/sources/SQLyogTunnel.php": "<?php // the SQLyog HTTP tunnel\n",
            "/var/www/tvcas3/cas/bin/cron1min.php": "<?php\n",
            "/var/www/tvcas3/cas/bin/ecmg.php": "<?php\n",
            "/var/www/tvcas3/cas/bin/emmg.php": "<?php\n",
            "/var/run/ecmg_24.pid": "4242\n",
            "/etc/crontab": """
            SHELL=/bin/sh
            17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly
            * * * * *\troot\tphp /var/www/tvcas3/cas/bin/cron1min.php >/dev/null 2>&1

            """,
            "/etc/sudoers": "Defaults\tenv_reset\nroot\tALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n",
            "/etc/sudoers.d/tvcas3": """
            www-data ALL=(root) NOPASSWD: /var/www/tvcas3/cas/bin/ecmg.php, /var/www/tvcas3/cas/bin/emmg.php
            www-data ALL=(root) NOPASSWD: /bin/kill, /bin/rm

            """,
            "/etc/nginx/sites-available/tvcas3": "server { listen 80; root /var/www/tvcas3; }\n",
        ]
        for (path, text) in files {
            let full = root + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/etc/nginx/sites-enabled", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/etc/nginx/sites-enabled/tvcas3", withDestinationPath: root + "/etc/nginx/sites-available/tvcas3")
    }
}
