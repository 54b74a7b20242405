import Foundation
import TVCASConfig
import TVCASTesting
import Testing

/// The configuration subcommands of the `tvcas` executable, run as processes.
@Suite(
    "tvcas init-config, check-config, hash-password, import-legacy-config",
    .enabled(if: FileManager.default.isExecutableFile(atPath: RepositoryPaths.tvcasExecutable.path))
)
struct ConfigCommandTests {
    static var tvcas: String { RepositoryPaths.tvcasExecutable.path }

    /// The value printed on stdout after `label: `.
    static func printed(_ label: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(label + ": ") }.map { String($0.dropFirst(label.count + 2)) }
    }

    @Test("init-config --demo writes a valid file with hashed passwords and prints the logins")
    func initConfig() throws {
        let scratch = try ScratchDirectory(prefix: "tvcas-init")
        defer { scratch.remove() }
        let out = scratch.path("tvcas.toml")
        let arguments = [
            "init-config", "--out", out, "--demo", "--state-dir", scratch.path("var"), "--mysql-socket",
            scratch.path("mysqld.sock"), "--listen", "unix:" + scratch.path("web.sock"),
        ]
        let result = try Subprocess.run(Self.tvcas, arguments)
        #expect(result.status == 0, "\(result.errorOutput)")
        let admin = try #require(Self.printed("admin password", in: result.output))
        let oper = try #require(Self.printed("oper password", in: result.output))
        let apiKey = try #require(Self.printed("api key", in: result.output))
        #expect(admin.count == 16 && oper.count == 16 && admin != oper)

        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let loaded = try Configuration.load(path: out)
        let configuration = loaded.configuration
        #expect(loaded.warnings.isEmpty)
        #expect(configuration.adminPassword.matches(admin))
        #expect(configuration.operatorPassword.matches(oper))
        #expect(!configuration.adminPassword.matches(oper))
        if case .hash(_, let scheme) = configuration.adminPassword { #expect(scheme == .yescrypt) } else { Issue.record("not hashed") }
        #expect(configuration.apiKey == apiKey)
        #expect(configuration.ecmKey.count == 64)
        #expect(configuration.web.secret.count >= 32)
        #expect(configuration.stateDirectory == scratch.path("var"))
        #expect(configuration.database.connection == .socket(path: scratch.path("mysqld.sock")))
        #expect(configuration.database.user == "root")
        #expect(configuration.web.listen == .unix(path: scratch.path("web.sock")))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains(admin) && !text.contains(oper))

        // Never overwritten without --force.
        let again = try Subprocess.run(Self.tvcas, ["init-config", "--out", out])
        #expect(again.status != 0)
        #expect(again.errorOutput.contains("exists"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
        let forced = try Subprocess.run(Self.tvcas, ["init-config", "--out", out, "--force"])
        #expect(forced.status == 0)
        #expect(Self.printed("database password", in: forced.output) != nil)
        #expect(try String(contentsOfFile: out, encoding: .utf8) != text)
        #expect(try Configuration.load(path: out).configuration.database.user == "tvcas")

        let badListen = try Subprocess.run(Self.tvcas, ["init-config", "--out", scratch.path("x.toml"), "--listen", "9000"])
        #expect(badListen.status != 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("x.toml")))
    }

    @Test("check-config: valid, invalid naming the key, $TVCAS_CONFIG, missing file")
    func checkConfig() throws {
        let scratch = try ScratchDirectory(prefix: "tvcas-check")
        defer { scratch.remove() }
        let good = scratch.path("good.toml")
        try ConfigurationFile.write(TestConfigurations.text(TestConfigurations.required), to: good, overwrite: false)
        let valid = try Subprocess.run(Self.tvcas, ["check-config", "--config", good])
        #expect(valid.status == 0, "\(valid.errorOutput)")
        #expect(valid.output.contains("\(good): valid"))
        #expect(valid.errorOutput.contains("warning: \(good): pass_admin and pass_oper are in plain text"))

        let fromEnvironment = try Subprocess.run(Self.tvcas, ["check-config"], environment: ["TVCAS_CONFIG": good])
        #expect(fromEnvironment.status == 0)
        #expect(fromEnvironment.output.contains("\(good): valid"))

        let bad = scratch.path("bad.toml")
        try ConfigurationFile.write(
            TestConfigurations.text(setting: "ident", to: "\"0BXYZ\"") + "ecm_kye = 1\n", to: bad, overwrite: false)
        let invalid = try Subprocess.run(Self.tvcas, ["check-config", "--config", bad], environment: ["TVCAS_CONFIG": good])
        #expect(invalid.status == 1)
        #expect(invalid.errorOutput.contains("\(bad): ident: \"0BXYZ\" is not 1 to 4 hex digits"))

        let warned = scratch.path("warned.toml")
        try ConfigurationFile.write(TestConfigurations.text(TestConfigurations.required) + "\n[metrcs]\n", to: warned, overwrite: false)
        let warning = try Subprocess.run(Self.tvcas, ["check-config", "--config", warned])
        #expect(warning.status == 0)
        #expect(warning.errorOutput.contains("unknown key \"metrcs\" ignored; did you mean \"metrics\"?"))

        let missing = try Subprocess.run(Self.tvcas, ["check-config", "--config", scratch.path("none.toml")])
        #expect(missing.status == 1)
        #expect(missing.errorOutput.contains("none.toml: no such configuration file"))
    }

    @Test("hash-password reads a line from stdin and prints a hash that verifies")
    func hashPassword() throws {
        let result = try Subprocess.run(Self.tvcas, ["hash-password"], input: Data("pässword 1\n".utf8))
        #expect(result.status == 0, "\(result.errorOutput)")
        let hash = result.output.trimmingCharacters(in: .newlines)
        #expect(hash.hasPrefix("$y$"))
        #expect(!result.output.contains("pässword"))
        #expect(try Password(configured: hash).matches("pässword 1"))

        let bcrypt = try Subprocess.run(Self.tvcas, ["hash-password", "--scheme", "bcrypt"], input: Data("x\r\n".utf8))
        let bcryptHash = bcrypt.output.trimmingCharacters(in: .newlines)
        #expect(bcryptHash.hasPrefix("$2b$"))
        #expect(try Password(configured: bcryptHash).matches("x"))

        let empty = try Subprocess.run(Self.tvcas, ["hash-password"], input: Data())
        #expect(empty.status != 0)
        #expect(empty.output.isEmpty)
    }

    @Test("import-legacy-config on the fixture, to stdout and to a file")
    func importLegacy() throws {
        let scratch = try ScratchDirectory(prefix: "tvcas-import")
        defer { scratch.remove() }
        let fixture = RepositoryPaths.legacyConfig.path
        let result = try Subprocess.run(Self.tvcas, ["import-legacy-config", fixture])
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.errorOutput.contains("line 14: 'zone' => date(\"O\")"))
        let configuration = try Configuration.parse(result.output).configuration
        #expect(configuration.ecmKey == "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58")
        #expect(configuration.operatorPassword.matches("oper'pass\"x"))
        #expect(configuration.zone == ConfiguredZone.host)

        let out = scratch.path("imported.toml")
        let written = try Subprocess.run(Self.tvcas, ["import-legacy-config", fixture, "--out", out])
        #expect(written.status == 0)
        #expect(written.output.isEmpty)
        let check = try Subprocess.run(Self.tvcas, ["check-config", "--config", out])
        #expect(check.status == 0)
        #expect(try Subprocess.run(Self.tvcas, ["import-legacy-config", fixture, "--out", out]).status != 0)

        let broken = scratch.path("config.php")
        try "<?php\n$config = array(\n  'ecm_key' => getenv('KEY'),\n);\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let failed = try Subprocess.run(Self.tvcas, ["import-legacy-config", broken, "--out", scratch.path("never.toml")])
        #expect(failed.status != 0)
        #expect(failed.errorOutput.contains("\(broken): line 3: 'ecm_key' => getenv(\"KEY\")"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("never.toml")))
    }
}
