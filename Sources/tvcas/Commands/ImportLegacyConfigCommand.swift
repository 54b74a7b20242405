import ArgumentParser

/// `tvcas import-legacy-config`: Convert a TVCAS3 includes/config.php into a TOML configuration.
struct ImportLegacyConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-legacy-config", abstract: "Convert a TVCAS3 includes/config.php into a TOML configuration.")

    func run() async throws {
        throw CleanExit.message("tvcas import-legacy-config: not implemented yet")
    }
}
