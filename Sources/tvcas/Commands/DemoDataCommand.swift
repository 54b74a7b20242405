import ArgumentParser

/// `tvcas demo-data`: Fill a migrated database with realistic demo cards and generators.
struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo-data", abstract: "Fill a migrated database with realistic demo cards and generators.")

    func run() async throws {
        throw CleanExit.message("tvcas demo-data: not implemented yet")
    }
}
