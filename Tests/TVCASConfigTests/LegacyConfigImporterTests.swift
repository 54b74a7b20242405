import Foundation
import TVCASConfig
import TVCASTesting
import Testing

@Suite("import-legacy-config: TVCAS3 config.php to TOML")
struct LegacyConfigImporterTests {
    static let secret = "legacy-import-secret-0123456789"

    static func convert(_ source: String) throws(LegacyImportError) -> LegacyConfigImport {
        try LegacyConfigImporter.convert(source, path: "config.php", host: TestConfigurations.host, secret: secret)
    }

    /// The problems a conversion fails with.
    static func problems(_ source: String) -> [LegacyConfigProblem] {
        do {
            _ = try convert(source)
            return []
        } catch {
            guard case .problems(_, let problems) = error else { return [] }
            return problems
        }
    }

    /// A well-formed legacy array body with every key, for the variations.
    static let body = """
          'ver' => "v.3.2",
          'zone' => date("O"),
          'ident' => "0B00",
          'ecm_key' => "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58",
          'pass_admin' => "Adm1n-secret",
          'pass_oper' => "oper'pass\\"x",
          'mysql_server' => "localhost",
          'mysql_user' => "tvcas",
          'mysql_pass' => "tvmastercas",
          'mysql_base' => "tvcas",
          'api_key' => "mysecretkey123",
          'trademark' => "MY CABLE TV",
          'time_start' => microtime(1)
        """

    static let fixtureValues: [String: String] = [
        "zone": "Europe/Moscow", "ident": "0B00", "ecm_key": "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58",
        "pass_admin": "Adm1n-secret", "pass_oper": "oper'pass\"x", "mysql_server": "localhost", "mysql_user": "tvcas",
        "mysql_pass": "tvmastercas", "mysql_base": "tvcas", "api_key": "mysecretkey123", "trademark": "MY CABLE TV",
    ]

    @Test("the fixture imports to a TOML that validates and holds exactly its values")
    func fixture() throws {
        let result = try LegacyConfigImporter.importFile(
            path: RepositoryPaths.legacyConfig.path, host: TestConfigurations.host, secret: Self.secret)
        #expect(result.values == Self.fixtureValues)
        #expect(result.notes == [.zoneFromHost(line: 14, zone: "Europe/Moscow")])
        #expect(result.loaded.warnings == [.plainTextPasswords(keys: ["pass_admin", "pass_oper"])])

        // Load the written TOML back, as `tvcas check-config` would.
        let path = "/tmp/tvcas-legacy-\(UInt32.random(in: 0...UInt32.max)).toml"
        try ConfigurationFile.write(result.toml, to: path, overwrite: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try Configuration.load(path: path, host: TestConfigurations.host).configuration
        #expect(configuration.zone.text == "Europe/Moscow")
        #expect(configuration.ident == "0B00")
        #expect(configuration.ecmKey == "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58")
        #expect(configuration.adminPassword == .plainText("Adm1n-secret"))
        #expect(configuration.operatorPassword == .plainText("oper'pass\"x"))
        #expect(configuration.adminPassword.matches("Adm1n-secret"))
        #expect(configuration.operatorPassword.matches("oper'pass\"x"))
        #expect(configuration.apiKey == "mysecretkey123")
        #expect(configuration.trademark == "MY CABLE TV")
        #expect(
            configuration.database
                == ConfiguredDatabase(server: "localhost", user: "tvcas", password: "tvmastercas", database: "tvcas"))
        #expect(configuration.database.connection == .defaultSocket)
        #expect(configuration.web.secret == Self.secret)
        // Everything else stays at our defaults.
        var expected = try TestConfigurations.parse(TestConfigurations.text(TestConfigurations.required)).configuration
        expected.ecmKey = configuration.ecmKey
        expected.adminPassword = configuration.adminPassword
        expected.operatorPassword = configuration.operatorPassword
        expected.apiKey = configuration.apiKey
        expected.trademark = configuration.trademark
        expected.database = configuration.database
        expected.web.secret = Self.secret
        #expect(configuration == expected)
        #expect(!result.toml.contains("v.3.2"))
        #expect(!result.toml.contains("time_start"))
        #expect(!result.toml.contains("serial_no"))
    }

    @Test("--hash-passwords keeps the same passwords as yescrypt hashes")
    func hashedPasswords() throws {
        let result = try LegacyConfigImporter.importFile(
            path: RepositoryPaths.legacyConfig.path, host: TestConfigurations.host, secret: Self.secret, hashPasswords: true)
        let configuration = result.loaded.configuration
        #expect(result.values == Self.fixtureValues)
        #expect(!result.toml.contains("Adm1n-secret"))
        #expect(configuration.adminPassword.matches("Adm1n-secret"))
        #expect(configuration.operatorPassword.matches("oper'pass\"x"))
        #expect(!configuration.adminPassword.isPlainText && !configuration.operatorPassword.isPlainText)
        #expect(result.loaded.warnings.isEmpty)
    }

    @Test("a fresh [web] secret each time by default")
    func randomSecret() throws {
        let source = try String(contentsOf: RepositoryPaths.legacyConfig, encoding: .utf8)
        let first = try LegacyConfigImporter.convert(source, path: "a", host: TestConfigurations.host)
        let second = try LegacyConfigImporter.convert(source, path: "a", host: TestConfigurations.host)
        #expect(first.loaded.configuration.web.secret != second.loaded.configuration.web.secret)
        #expect(first.loaded.configuration.web.secret.count >= 32)
    }

    @Test("reordered keys in a [ … ] array with every kind of comment")
    func shortArraySyntaxAndComments() throws {
        let lines = Self.body.split(separator: "\n").map(String.init).reversed()
        let source = """
            <?php
            /* The configuration.
               $config = array('ecm_key' => "00"); is only a comment */
            # Hash comment with a quote: it's fine
            $config = [ // opening
            \(lines.map { $0.hasSuffix(",") ? $0 : $0 + "," }.joined(separator: "\n  # between entries\n"))
            ];
            $csv_rows = [ 'admin' => "serial_no;name", ];
            ?>
            <html>not PHP: $config = array('api_key' => "html");</html>
            """
        let result = try Self.convert(source)
        #expect(result.values == Self.fixtureValues)
    }

    @Test("CRLF line endings and array( ) with a trailing comma")
    func crlf() throws {
        let source = "<?\r\n$config = array(\r\n" + Self.body.replacingOccurrences(of: "\n", with: "\r\n") + ",\r\n);\r\n"
        let result = try Self.convert(source)
        #expect(result.values == Self.fixtureValues)
        #expect(result.notes == [.zoneFromHost(line: 4, zone: "Europe/Moscow")])
    }

    @Test("escapes of single- and double-quoted strings")
    func escapes() throws {
        let source = #"""
            <?php
            $config = array(
              'zone' => 'Europe/Moscow',
              'ident' => '0B00',
              'ecm_key' => '6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58',
              'pass_admin' => 'it\'s a \\ back\slash \n',
              'pass_oper' => "\x41\101\u{263A}\t\$x \"q\" \q \{$",
              'api_key' => "MY" . ' ' . "KEY",
              'trademark' => "ТВ \"Кабель\"",
              'mysql_pass' => '',
            );
            """#
        let result = try Self.convert(source)
        #expect(result.values["pass_admin"] == #"it's a \ back\slash \n"#)
        #expect(result.values["pass_oper"] == "AA☺\t$x \"q\" \\q \\{$")
        #expect(result.values["api_key"] == "MY KEY")
        #expect(result.values["trademark"] == "ТВ \"Кабель\"")
        #expect(result.values["mysql_pass"] == "")
        #expect(result.values["zone"] == "Europe/Moscow")
        #expect(result.notes.isEmpty)
        let configuration = result.loaded.configuration
        #expect(configuration.adminPassword.matches(#"it's a \ back\slash \n"#))
        #expect(configuration.operatorPassword.matches("AA☺\t$x \"q\" \\q \\{$"))
        #expect(configuration.trademark == "ТВ \"Кабель\"")
    }

    @Test("later $config['key'] = …; assignments win; date('O') in single quotes; unknown keys are left out")
    func assignments() throws {
        let source = """
            <?php
            $config = array(
            \(Self.body.replacingOccurrences(of: "date(\"O\")", with: "date('O')")),
              'slot_cnt' => 4
            );
            $config['api_key'] = 'new-api-key';
            $config["trademark"] = "NEW TV";
            """
        let result = try Self.convert(source)
        #expect(result.values["api_key"] == "new-api-key")
        #expect(result.values["trademark"] == "NEW TV")
        #expect(result.values["zone"] == "Europe/Moscow")
        #expect(result.notes.contains(.ignoredUnknownKey(key: "slot_cnt", line: 16)))
    }

    @Test("what cannot be read is reported with its line number")
    func unreadable() {
        let base = "<?php\n$config = array(\n" + Self.body + ",\n"
        #expect(
            Self.problems(base + "  'mysql_pass' => getenv(\"DB_PASS\"),\n);\n") == [
                .unreadableValue(key: "mysql_pass", line: 16, expression: "getenv(\"DB_PASS\")")
            ])
        #expect(Self.problems(base + "  'trademark' => \"TV $name\",\n);\n") == [.interpolatedString(key: "trademark", line: 16)])
        #expect(
            Self.problems(base + "  'api_key' => $secret,\n);\n") == [
                .unreadableValue(key: "api_key", line: 16, expression: "$secret")
            ])
        #expect(Self.problems(base + "  \"orphan\",\n);\n") == [.entryWithoutKey(line: 16)])
        #expect(Self.problems(base + "  'ident' => \"0B00,\n);\n") == [.unterminatedString(line: 16)])
        #expect(Self.problems(base + "  /* 'ident' => \"0B00\",\n);\n") == [.unterminatedComment(line: 16)])
        #expect(Self.problems("<?php\n$cfg = array('a' => 'b');\n") == [.noConfigArray])
        #expect(Self.problems("<?php\n$config = load_config();\n") == [.notAnArray(line: 2, found: "load_config()")])
        #expect(
            Self.problems(base + "  'zone' => date(\"P\"),\n);\n") == [
                .unreadableValue(key: "zone", line: 16, expression: "date(\"P\")")
            ])
        let message = LegacyImportError.problems(path: "config.php", [.interpolatedString(key: "trademark", line: 16)])
            .description
        #expect(message.hasPrefix("config.php: line 16: 'trademark'"))
    }

    @Test("values our configuration rejects are reported with their line; missing keys by name")
    func invalidValues() {
        let bad = Self.body.replacingOccurrences(of: "\"0B00\"", with: "\"0BXYZ\"")
        let problems = Self.problems("<?php\n$config = array(\n" + bad + "\n);\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 5)
        if case .invalidValue(let key, _, _) = problems.first { #expect(key == "ident") } else { Issue.record("\(problems)") }
        let withoutKey = Self.body.split(separator: "\n").filter { !$0.contains("ecm_key") }.joined(separator: "\n")
        #expect(
            Self.problems("<?php\n$config = array(\n" + withoutKey + "\n);\n") == [
                .missingKey(key: "ecm_key", expected: "64 hex digits (32 bytes)")
            ])
    }
}
