import ArgumentParser

/// `tvcas ecm`: Encode and decode ECM datagrams.
struct ECMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ecm", abstract: "Encode and decode ECM datagrams.")

    func run() async throws {
        throw CleanExit.message("tvcas ecm: not implemented yet")
    }
}
