import ArgumentParser

/// `tvcas check-config`: Validate a configuration file and print its warnings.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Validate a configuration file and print its warnings.")

    func run() async throws {
        throw CleanExit.message("tvcas check-config: not implemented yet")
    }
}
