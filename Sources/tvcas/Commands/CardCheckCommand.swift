import ArgumentParser

/// `tvcas card check`: Explain what a card does with ECM and EMM datagrams.
struct CardCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Explain what a card does with ECM and EMM datagrams.")

    func run() async throws {
        throw CleanExit.message("tvcas card check: not implemented yet")
    }
}
