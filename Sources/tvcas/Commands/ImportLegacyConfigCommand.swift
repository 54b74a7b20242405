import ArgumentParser
import TVCASConfig

/// `tvcas import-legacy-config`: Convert a TVCAS3 includes/config.php into a TOML configuration.
struct ImportLegacyConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-legacy-config",
        abstract: "Convert a TVCAS3 includes/config.php into a TOML configuration.",
        discussion: """
            Reads the file's $config array without running PHP and writes our TOML with the same \
            passwords, ECM key, ident, trademark, API key and database settings, plus a new random \
            [web] secret. date("O") becomes this host's zone. Anything unreadable is reported with \
            its line number and nothing is written.
            """
    )

    @Argument(help: "The original's includes/config.php.")
    var legacyConfig: String

    @Option(help: "Write the TOML here (mode 600) instead of standard output.")
    var out: String?

    @Flag(help: "Write pass_admin and pass_oper as yescrypt hashes instead of the original's plain text.")
    var hashPasswords = false

    @Flag(help: "Replace the --out file if it exists.")
    var force = false

    func run() async throws {
        let result = try LegacyConfigImporter.importFile(path: legacyConfig, hashPasswords: hashPasswords)
        for note in result.notes { ConfigOptions.warn("\(legacyConfig): \(note)") }
        for warning in result.loaded.warnings { ConfigOptions.warn(warning.description) }
        if let out {
            try ConfigurationFile.write(result.toml, to: out, overwrite: force)
            ConfigOptions.note("wrote \(out)")
        } else {
            print(result.toml, terminator: "")
        }
    }
}
