import ArgumentParser

/// `tvcas emm`: Encode and decode EMM datagrams.
struct EMMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emm", abstract: "Encode and decode EMM datagrams.")

    func run() async throws {
        throw CleanExit.message("tvcas emm: not implemented yet")
    }
}
