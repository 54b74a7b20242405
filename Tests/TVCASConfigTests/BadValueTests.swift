import TVCASConfig
import Testing

/// One bad value for one key.
struct BadValue: Sendable, CustomTestStringConvertible {
    /// The key path.
    var key: String
    /// The raw TOML literal, or nil to leave a required key out.
    var literal: String?
    /// Whether the value is a secret that must not appear in the message.
    var secret = false

    var testDescription: String { "\(key) = \(literal ?? "<missing>")" }
}

@Suite("A config with any single bad value fails naming that key")
struct BadValueTests {
    static let cases: [BadValue] = [
        .init(key: "zone", literal: "\"Mars/Olympus_Mons\""), .init(key: "zone", literal: "\"+2500\""),
        .init(key: "zone", literal: "\"0300\""), .init(key: "zone", literal: "\"\""),
        .init(key: "zone", literal: "\"../../etc/passwd\""), .init(key: "zone", literal: "\"Europe\""),
        .init(key: "zone", literal: "3"),
        .init(key: "ident", literal: "\"\""), .init(key: "ident", literal: "\"0B000\""),
        .init(key: "ident", literal: "\"0BXY\""), .init(key: "ident", literal: "\"0x0B\""), .init(key: "ident", literal: "2816"),
        .init(key: "ecm_key", literal: "\"6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E5\"", secret: true),
        .init(key: "ecm_key", literal: "\"6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E588\"", secret: true),
        .init(key: "ecm_key", literal: "\"G467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58\"", secret: true),
        .init(key: "ecm_key", literal: "\" 6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58\"", secret: true),
        .init(key: "ecm_key", literal: "\"\""), .init(key: "ecm_key", literal: nil),
        .init(key: "pass_admin", literal: "\"\""), .init(key: "pass_admin", literal: nil),
        .init(key: "pass_admin", literal: "\"$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0\"", secret: true),
        .init(key: "pass_admin", literal: "\"$5$rounds=5000$saltsalt$x\"", secret: true),
        .init(key: "pass_admin", literal: "\"$y$j9T$short\"", secret: true),
        .init(key: "pass_admin", literal: "\"$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl\"", secret: true),
        .init(key: "pass_admin", literal: "\"$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvy\"", secret: true),
        .init(key: "pass_oper", literal: "\"\""), .init(key: "pass_oper", literal: nil), .init(key: "pass_oper", literal: "1234"),
        .init(key: "api_key", literal: "\"\""), .init(key: "api_key", literal: "\"   \""), .init(key: "api_key", literal: nil),
        .init(key: "trademark", literal: "5"),
        .init(key: "mysql_server", literal: "\"\""), .init(key: "mysql_server", literal: "\"db1,,db2\""),
        .init(key: "mysql_server", literal: "\"db1:0\""), .init(key: "mysql_server", literal: "\"db1:70000\""),
        .init(key: "mysql_server", literal: "\"db 1\""), .init(key: "mysql_server", literal: "\"db1:abc\""),
        .init(key: "mysql_server", literal: "\"db1,\""),
        .init(key: "mysql_port", literal: "0"), .init(key: "mysql_port", literal: "65536"),
        .init(key: "mysql_port", literal: "\"3306\""), .init(key: "mysql_port", literal: "3306.0"),
        .init(key: "mysql_user", literal: "\"\""), .init(key: "mysql_pass", literal: "1", secret: false),
        .init(key: "mysql_base", literal: "\"\""),
        .init(key: "mysql_socket", literal: "\"/" + String(repeating: "s", count: 120) + "\""),
        .init(key: "mysql_socket", literal: "\" \""),
        .init(key: "sql_dir", literal: "\"\""), .init(key: "state_dir", literal: "\"\""),
        .init(key: "log_level", literal: "\"verbose\""), .init(key: "log_level", literal: "\"INFO\""),
        .init(key: "web", literal: "1"),
        .init(key: "web.listen", literal: "\"9000\""), .init(key: "web.listen", literal: "\"127.0.0.1\""),
        .init(key: "web.listen", literal: "\"unix:relative.sock\""), .init(key: "web.listen", literal: "\"unix:\""),
        .init(key: "web.listen", literal: "\"127.0.0.1:0\""), .init(key: "web.listen", literal: "\"host:99999\""),
        .init(key: "web.listen", literal: "\"\""),
        .init(key: "web.workers", literal: "0"), .init(key: "web.workers", literal: "2000"),
        .init(key: "web.workers", literal: "\"8\""),
        .init(key: "web.session_idle_minutes", literal: "0"), .init(key: "web.upload_max_mb", literal: "0"),
        .init(key: "web.metrics", literal: "\"9464\""), .init(key: "web.metrics", literal: "\"a:b\""),
        .init(key: "web.log_retention_days", literal: "-1"),
        .init(key: "web.secret", literal: "\"\""), .init(key: "web.secret", literal: "\"too-short\"", secret: true),
        .init(key: "web.secret", literal: nil),
        .init(key: "ecmg.cw_log_minutes", literal: "0"), .init(key: "emmg.change_poll_ms", literal: "5"),
        .init(key: "supervise.grace_seconds", literal: "-1"), .init(key: "supervise.max_backoff_seconds", literal: "0"),
        .init(key: "supervise.host", literal: "\"\""), .init(key: "supervise.host", literal: "\"a b\""),
        .init(key: "metrics.listen", literal: "\"nope\""), .init(key: "metrics.child_port_base", literal: "0"),
        .init(key: "metrics.child_port_base", literal: "61000"),
    ]

    @Test("fails with one problem naming the key", arguments: cases)
    func fails(_ bad: BadValue) throws {
        let text: String
        if bad.key == "web" {
            var values = TestConfigurations.required
            values["web.secret"] = nil
            text = "web = \(bad.literal!)\n" + TestConfigurations.text(values)
        } else {
            text = TestConfigurations.text(setting: bad.key, to: bad.literal)
        }
        let error = #expect(throws: ConfigurationError.self) { try TestConfigurations.parse(text) }
        guard case .invalid(_, let problems) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        let keys = problems.map(\.key)
        if bad.key == "web" {
            // The secret cannot be read from a [web] that is not a table: that is reported too.
            #expect(keys.contains("web"))
        } else {
            #expect(keys == [bad.key])
        }
        let message = error!.description
        #expect(message.contains("test.toml: \(bad.key): ") || message.contains("  \(bad.key): "))
        #expect(message.contains("expected "))
        if bad.secret, let literal = bad.literal {
            let value = String(literal.dropFirst().dropLast())
            #expect(!message.contains(value), "the message repeats a secret value")
        }
    }

    @Test("messages say what is wrong and the expected form")
    func messages() throws {
        func message(_ key: String, _ literal: String?) -> String {
            do {
                _ = try TestConfigurations.parse(TestConfigurations.text(setting: key, to: literal))
                return ""
            } catch {
                return error.description
            }
        }
        #expect(message("ecm_key", "\"ABC\"") == "test.toml: ecm_key: has 3 hex digits; expected 64 hex digits (32 bytes)")
        #expect(
            message("ident", "\"0BXY\"") == "test.toml: ident: \"0BXY\" is not 1 to 4 hex digits; expected 1 to 4 hex digits, such as \"0B00\"")
        #expect(message("web.workers", "0") == "test.toml: web.workers: 0 is out of range; expected an integer from 1 to 1024")
        #expect(message("mysql_port", "\"3306\"") == "test.toml: mysql_port: is a TOML string; expected an integer from 1 to 65535")
        #expect(message("api_key", nil) == "test.toml: api_key: missing; expected a non-empty string")
        #expect(
            message("zone", "\"Mars/Base\"").contains("zone: \"Mars/Base\" is not a zone of the system's tz database; expected an IANA zone name"))
        #expect(message("pass_admin", "\"$1$abc$def\"").contains("pass_admin: is a crypt(3) hash of an unsupported kind ($1$"))
    }
}
