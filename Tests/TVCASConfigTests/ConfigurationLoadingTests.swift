import Foundation
import Logging
import TVCASConfig
import Testing

@Suite("Loading tvcas.toml")
struct ConfigurationLoadingTests {
    @Test("only the required keys: every other key has its default")
    func defaults() throws {
        let loaded = try TestConfigurations.parse(TestConfigurations.text(TestConfigurations.required))
        let configuration = loaded.configuration
        #expect(configuration.zone.text == "Europe/Moscow")
        #expect(configuration.ident == "0B00")
        #expect(configuration.identValue == 0x0B00)
        #expect(configuration.ecmKey == TestConfigurations.ecmKey)
        #expect(configuration.ecmKeyBytes.count == 32)
        #expect(configuration.ecmKeyBytes.first == 0x64)
        #expect(configuration.adminPassword == .plainText("Adm1n-secret"))
        #expect(configuration.operatorPassword == .plainText("oper-secret"))
        #expect(configuration.apiKey == "mysecretkey123")
        #expect(configuration.trademark == "TVCAS.COM")
        #expect(configuration.database == ConfiguredDatabase())
        #expect(configuration.database.connection == .defaultSocket)
        #expect(configuration.sqlDirectory == "/srv/sql")
        #expect(configuration.stateDirectory == "/var/lib/tvcas")
        #expect(configuration.logLevel == .info)
        #expect(configuration.web == WebSettings(secret: TestConfigurations.secret))
        #expect(configuration.web.listen == .tcp(HostPort(host: "127.0.0.1", port: 9000)))
        #expect(configuration.web.workers == 8)
        #expect(configuration.web.sessionIdleMinutes == 30)
        #expect(configuration.web.uploadMaxMegabytes == 64)
        #expect(configuration.web.metrics == nil)
        #expect(configuration.web.logRetentionDays == 0)
        #expect(configuration.ecmg.cwLogMinutes == 60)
        #expect(configuration.emmg.changePollMilliseconds == 200)
        #expect(configuration.supervise == SuperviseSettings(graceSeconds: 5, maxBackoffSeconds: 30, host: "cas-test"))
        #expect(configuration.metrics.listen == HostPort(host: "127.0.0.1", port: 9464))
        #expect(configuration.metrics.childPortBase == 9470)
        #expect(configuration.metrics.ecmgPort(id: 3) == 9473)
        #expect(configuration.metrics.emmgPort(id: 3) == 14473)
    }

    @Test("every key set: the values are read as written")
    func everyKey() throws {
        var values = TestConfigurations.required
        values.merge([
            "zone": "\"+0300\"", "ident": "\"0b01\"", "ecm_key": "\"6467632c579a5864531188332503c46fd18abb42e14b1738f9c6d58ff4d81e58\"",
            "trademark": "\"MY CABLE TV\"", "mysql_server": "\"db1, db2:3307,[fd00::5]:3308\"", "mysql_port": "3310",
            "mysql_user": "\"cas\"", "mysql_pass": "\"p\\\"w\"", "mysql_base": "\"castv\"", "mysql_socket": "\"/run/my.sock\"",
            "sql_dir": "\"/opt/sql\"", "state_dir": "\"/srv/state\"", "log_level": "\"debug\"",
            "web.listen": "\"unix:/run/tvcas/web.sock\"", "web.workers": "4", "web.session_idle_minutes": "15",
            "web.upload_max_mb": "8", "web.metrics": "\"0.0.0.0:9100\"", "web.log_retention_days": "90",
            "ecmg.cw_log_minutes": "5", "emmg.change_poll_ms": "1000", "supervise.grace_seconds": "0",
            "supervise.max_backoff_seconds": "120", "supervise.host": "\"cas1\"", "metrics.listen": "\"\"",
            "metrics.child_port_base": "20000",
        ]) { $1 }
        let loaded = try TestConfigurations.parse(TestConfigurations.text(values))
        let configuration = loaded.configuration
        #expect(configuration.zone.isFixedOffset)
        #expect(configuration.zone.timeZone.secondsFromGMT() == 3 * 3600)
        #expect(configuration.ident == "0b01")
        #expect(configuration.ecmKey == "6467632c579a5864531188332503c46fd18abb42e14b1738f9c6d58ff4d81e58")
        #expect(configuration.trademark == "MY CABLE TV")
        #expect(
            configuration.database.nodes == [
                DatabaseNode(host: "db1", port: 3310), DatabaseNode(host: "db2", port: 3307),
                DatabaseNode(host: "fd00::5", port: 3308),
            ])
        #expect(configuration.database.password == "p\"w")
        #expect(configuration.database.user == "cas")
        #expect(configuration.database.database == "castv")
        #expect(configuration.database.connection == .socket(path: "/run/my.sock"))
        #expect(configuration.sqlDirectory == "/opt/sql")
        #expect(configuration.stateDirectory == "/srv/state")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.web.listen == .unix(path: "/run/tvcas/web.sock"))
        #expect(configuration.web.workers == 4)
        #expect(configuration.web.sessionIdleMinutes == 15)
        #expect(configuration.web.uploadMaxMegabytes == 8)
        #expect(configuration.web.metrics == HostPort(host: "0.0.0.0", port: 9100))
        #expect(configuration.web.logRetentionDays == 90)
        #expect(configuration.ecmg.cwLogMinutes == 5)
        #expect(configuration.emmg.changePollMilliseconds == 1000)
        #expect(configuration.supervise == SuperviseSettings(graceSeconds: 0, maxBackoffSeconds: 120, host: "cas1"))
        #expect(configuration.metrics.listen == nil)
        #expect(configuration.metrics.childPortBase == 20000)
        #expect(loaded.warnings.contains(.fixedOffsetZone(zone: "+0300")))
    }

    @Test("an IANA zone is DST-correct and gives no warning")
    func ianaZone() throws {
        let loaded = try TestConfigurations.parse(TestConfigurations.text(setting: "zone", to: "\"America/New_York\""))
        #expect(!loaded.configuration.zone.isFixedOffset)
        #expect(loaded.configuration.zone.timeZone.identifier == "America/New_York")
        #expect(!loaded.warnings.contains { if case .fixedOffsetZone = $0 { true } else { false } })
    }

    @Test("a missing table means all defaults; an empty table too")
    func emptyTables() throws {
        let text = TestConfigurations.text(TestConfigurations.required) + "\n[ecmg]\n[emmg]\n[supervise]\n[metrics]\n"
        let loaded = try TestConfigurations.parse(text)
        #expect(loaded.configuration.ecmg.cwLogMinutes == 60)
        #expect(loaded.warnings == [.plainTextPasswords(keys: ["pass_admin", "pass_oper"])])
    }

    @Test("one warning for plain-text passwords; none when both are hashes")
    func plainTextWarning() throws {
        let mixed = try TestConfigurations.parse(
            TestConfigurations.text(setting: "pass_admin", to: "\"\(KnownHashes.sha512.hash)\""))
        #expect(mixed.warnings == [.plainTextPasswords(keys: ["pass_oper"])])
        var values = TestConfigurations.required
        values["pass_admin"] = "\"\(KnownHashes.sha512.hash)\""
        values["pass_oper"] = "'\(KnownHashes.bcrypt.hash)'"
        let hashed = try TestConfigurations.parse(TestConfigurations.text(values))
        #expect(hashed.warnings.isEmpty)
        #expect(hashed.configuration.adminPassword.matches(KnownHashes.sha512.password))
        #expect(hashed.configuration.operatorPassword.matches(KnownHashes.bcrypt.password))
        #expect(!hashed.configuration.operatorPassword.matches(KnownHashes.sha512.password))
    }

    @Test("a trademark longer than 15 bytes is a warning")
    func longTrademark() throws {
        let loaded = try TestConfigurations.parse(TestConfigurations.text(setting: "trademark", to: "\"ТЕЛЕВИДЕНИЕ\""))
        #expect(loaded.warnings.contains(.longTrademark(byteCount: 22)))
    }

    @Test("unknown keys are warnings naming the nearest known key")
    func unknownKeys() throws {
        var values = TestConfigurations.required
        values["ecm_kye"] = "\"x\""
        values["web.worker"] = "4"
        values["listen"] = "\"127.0.0.1:9000\""
        values["superviser.host"] = "\"x\""
        let loaded = try TestConfigurations.parse(TestConfigurations.text(values))
        #expect(loaded.warnings.contains(.unknownKey(key: "ecm_kye", suggestion: "ecm_key")))
        #expect(loaded.warnings.contains(.unknownKey(key: "web.worker", suggestion: "web.workers")))
        #expect(loaded.warnings.contains(.unknownKey(key: "listen", suggestion: "web.listen")))
        #expect(loaded.warnings.contains(.unknownKey(key: "superviser", suggestion: "supervise")))
        #expect(
            ConfigurationWarning.unknownKey(key: "ecm_kye", suggestion: "ecm_key").description
                == "unknown key \"ecm_kye\" ignored; did you mean \"ecm_key\"?")
    }

    @Test("every problem of a file is reported, not only the first")
    func allProblems() throws {
        var values = TestConfigurations.required
        values["ident"] = "\"XYZ\""
        values["web.workers"] = "0"
        values["pass_oper"] = nil
        let error = #expect(throws: ConfigurationError.self) { try TestConfigurations.parse(TestConfigurations.text(values)) }
        guard case .invalid(let path, let problems) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(path == "test.toml")
        #expect(Set(problems.map(\.key)) == ["ident", "web.workers", "pass_oper"])
        #expect(problems.contains(.missing(key: "pass_oper", expected: ConfigurationProblem.passwordForm)))
    }

    @Test("invalid TOML names the line and column")
    func syntaxError() throws {
        let text = TestConfigurations.text(TestConfigurations.required) + "\nlog_level = \"info\n"
        let error = #expect(throws: ConfigurationError.self) { try TestConfigurations.parse(text) }
        guard case .syntax(_, let line, _, _) = error else {
            Issue.record("expected .syntax, got \(String(describing: error))")
            return
        }
        #expect(line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    @Test("a file that is not there, and one that is")
    func files() throws {
        #expect(throws: ConfigurationError.notFound(path: "/nonexistent/tvcas.toml")) {
            try Configuration.load(path: "/nonexistent/tvcas.toml", host: TestConfigurations.host)
        }
        let path = "/tmp/tvcas-config-test-\(UInt32.random(in: 0...UInt32.max)).toml"
        try ConfigurationFile.write(TestConfigurations.text(TestConfigurations.required), to: path, overwrite: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try Configuration.load(path: path, host: TestConfigurations.host)
        #expect(loaded.path == path)
        #expect(loaded.configuration.apiKey == "mysecretkey123")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(throws: ConfigurationFileError.exists(path: path)) {
            try ConfigurationFile.write("x", to: path, overwrite: false)
        }
        try ConfigurationFile.write("log_level = 1\n", to: path, overwrite: true)
        #expect(throws: ConfigurationError.self) { try Configuration.load(path: path, host: TestConfigurations.host) }
    }

    @Test("precedence: --config, then TVCAS_CONFIG, then /etc/tvcas/tvcas.toml")
    func precedence() {
        #expect(ConfigurationFile.path(explicit: "a.toml", environment: ["TVCAS_CONFIG": "b.toml"]) == "a.toml")
        #expect(ConfigurationFile.path(explicit: nil, environment: ["TVCAS_CONFIG": "b.toml"]) == "b.toml")
        #expect(ConfigurationFile.path(explicit: "", environment: ["TVCAS_CONFIG": ""]) == "/etc/tvcas/tvcas.toml")
        #expect(ConfigurationFile.path(explicit: nil, environment: [:]) == "/etc/tvcas/tvcas.toml")
    }
}

extension ConfigurationProblem {
    /// The expected form stated for password keys.
    static let passwordForm =
        "a yescrypt ($y$), bcrypt ($2b$) or sha512-crypt ($6$) hash from `tvcas hash-password`, or the password in plain text"
}
