import ArgumentParser

/// `tvcas conax-date`: Print the Conax date of a Unix time.
struct ConaxDateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conax-date", abstract: "Print the Conax date of a Unix time.")

    func run() async throws {
        throw CleanExit.message("tvcas conax-date: not implemented yet")
    }
}
