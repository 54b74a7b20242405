import ArgumentParser
import Foundation
import TVCASConfig
import TVCASDatabase

/// `tvcas migrate`: Create or upgrade the database schema (decisions.md §7).
///
/// Prints one line per applied migration, `nothing to do` when the database is current, and
/// exits 3 naming the migration when the database is newer than this tvcas.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade the database schema.",
        discussion: """
            Creates the original TVCAS3 tables on an empty database, or adopts a loaded tvcas.sql, \
            then applies the pending migrations of sql/migrations in order. Exit status 3: the \
            database has a migration this tvcas does not know.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The sql/ folder (default: sql_dir of the configuration).")
    var sqlDir: String?

    func run() async throws {
        do {
            let configuration = try options.load()
            LogSetup.bootstrap(configuration)
            let catalog = try MigrationCatalog(directory: URL(fileURLWithPath: sqlDir ?? configuration.sqlDirectory))
            // An ALTER of a big table may take minutes: no read timeout for the migration.
            let settings = DatabaseSettings(configuration.database, readTimeout: 0, writeTimeout: 0)
            let pool = ConnectionPool(settings: settings, threads: 1)
            defer { pool.shutdown() }
            let steps = try await pool.withConnection { connection in
                try Migrator(catalog: catalog).migrate(on: connection) { step in
                    switch step {
                    case .checksumChanged, .waiting: FileHandle.standardError.write(Data("tvcas migrate: \(step)\n".utf8))
                    default: FileHandle.standardOutput.write(Data("\(step)\n".utf8))
                    }
                }
            }
            if steps.isEmpty { print("nothing to do") }
        } catch let error as MigrationError {
            FileHandle.standardError.write(Data("tvcas migrate: \(error)\n".utf8))
            if case .unknownMigration = error { throw ExitCode(3) }
            throw ExitCode.failure
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("tvcas migrate: \(error)\n".utf8))
            throw ExitCode.failure
        } catch let error as DatabaseError {
            FileHandle.standardError.write(Data("tvcas migrate: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
