import ArgumentParser

/// `tvcas hash-password`: Print a yescrypt hash of a password read without echo.
struct HashPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hash-password", abstract: "Print a yescrypt hash of a password read without echo.")

    func run() async throws {
        throw CleanExit.message("tvcas hash-password: not implemented yet")
    }
}
