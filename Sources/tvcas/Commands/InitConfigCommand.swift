import ArgumentParser

/// `tvcas init-config`: Write a new configuration file with random passwords and secret.
struct InitConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init-config", abstract: "Write a new configuration file with random passwords and secret.")

    func run() async throws {
        throw CleanExit.message("tvcas init-config: not implemented yet")
    }
}
