import ArgumentParser

/// `tvcas migrate`: Create or upgrade the database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the database schema.")

    func run() async throws {
        throw CleanExit.message("tvcas migrate: not implemented yet")
    }
}
