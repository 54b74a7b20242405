import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("tvcas migrate")
struct MigratorTests {
    @Test("an empty database gets the original tables and every migration; a second run does nothing")
    func emptyDatabaseThenIdempotent() throws {
        let database = try TestDatabase(prefix: "migrate")
        defer { database.drop() }
        let catalog = try TestDatabase.catalog
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let steps = try Migrator(catalog: catalog).migrate(on: connection)
        #expect(steps.count == catalog.migrations.count + 1)
        #expect(steps.first == .created(innoDB: false))
        #expect(try Migrator(catalog: catalog).migrate(on: connection).isEmpty)
        let ledger = try database.sql("SELECT version, checksum FROM tvcas_schema_migrations ORDER BY version")
        #expect(ledger.split(separator: "\n").count == catalog.migrations.count + 1)
        let engines = try database.sql(
            "SELECT DISTINCT engine FROM information_schema.tables WHERE table_schema = DATABASE()")
        #expect(engines == "InnoDB\n")
        let tables = Set(try database.sql("SHOW TABLES").split(separator: "\n").map(String.init))
        #expect(
            tables.isSuperset(of: [
                "tvcas_schema_migrations", "tvcas_schema_lock", "tvcas_requests", "tvcas_card_changes", "tvcas_emmg_cursor",
                "tvcas_generator_state", "tvcas_sessions", "tvcas_packages",
            ]))
        let charsets = try database.sql(
            """
            SELECT DISTINCT character_set_name FROM information_schema.columns
            WHERE table_schema = DATABASE() AND table_name LIKE 'tvcas\\_%' AND character_set_name IS NOT NULL
            AND table_name IN ('tvcas_ecmg','tvcas_ecmg_log','tvcas_emmg','tvcas_logs','tvcas_smartcards')
            """)
        #expect(charsets == "utf8mb4\n")
    }

    static let originalColumns: [String: [String]] = {
        let schema = try! MigrationCatalog(directory: RepositoryPaths.sql).schema
        var columns: [String: [String]] = [:]
        for table in OriginalTables(schema: schema).tables { columns[table.name] = table.columns.map(\.name) }
        return columns
    }()

    /// Every value of a table's original columns, quoted (NULL stays NULL), ordered by id.
    static func dump(_ table: String, in database: TestDatabase) throws -> String {
        let columns = originalColumns[table]!.map { "QUOTE(`\($0)`)" }.joined(separator: ", ")
        return try database.sql("SELECT \(columns) FROM `\(table)` ORDER BY id")
    }

    @Test("the DBA's path: tvcas.sql loaded with the mariadb client, migrated, every value kept")
    func fixtureKeepsEveryValue() throws {
        let database = try TestDatabase(prefix: "dba")
        defer { database.drop() }
        try database.server.load(RepositoryPaths.fixtureDump, into: database.name)
        var before: [String: String] = [:]
        for table in OriginalTables.names { before[table] = try Self.dump(table, in: database) }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let steps = try Migrator(catalog: TestDatabase.catalog).migrate(on: connection)
        #expect(steps.first == .adopted)
        for table in OriginalTables.names {
            let after = try Self.dump(table, in: database)
            #expect(after == before[table], "table \(table) changed")
        }
        // The fixture's awkward values are really there and still are.
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE cn IS NULL") == "1\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE cn = ''") == "5\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_ecmg WHERE touch_time = 0 AND peers IS NULL") == "1\n")
        #expect(try database.sql("SELECT name FROM tvcas_smartcards WHERE name LIKE 'Мария%'") == "Мария Иванова\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_logs") == "13945\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_ecmg_log") == "2085\n")
        let autoIncrement = try database.sql(
            "SELECT auto_increment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'tvcas_smartcards'")
        #expect(autoIncrement == "39\n")
        #expect(try Migrator(catalog: TestDatabase.catalog).migrate(on: connection).isEmpty)
    }

    @Test("a database with a migration this tvcas does not know is refused")
    func unknownMigrationRefused() throws {
        let database = try TestDatabase.migrated(prefix: "newer")
        defer { database.drop() }
        try database.sql("INSERT INTO tvcas_schema_migrations VALUES (9999, 'from_the_future', REPEAT('0', 64), 0)")
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        #expect {
            try Migrator(catalog: TestDatabase.catalog).migrate(on: connection)
        } throws: { error in
            guard case MigrationError.unknownMigration(let label) = error else { return false }
            return label == "9999_from_the_future"
        }
        // The lease was given back.
        #expect(try database.sql("SELECT owner FROM tvcas_schema_lock") == "\n")
    }

    @Test("a failing statement is reported with its migration; the migrations before it stay recorded")
    func failingStatementReported() throws {
        let database = try TestDatabase(prefix: "failing")
        defer { database.drop() }
        let folder = try ScratchDirectory(prefix: "sql")
        defer { folder.remove() }
        let migrations = folder.url.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: RepositoryPaths.sql.appendingPathComponent("schema.sql"), to: folder.url.appendingPathComponent("schema.sql"))
        try FileManager.default.copyItem(
            at: RepositoryPaths.sql.appendingPathComponent("migrations/0001_migration_ledger.sql"),
            to: migrations.appendingPathComponent("0001_migration_ledger.sql"))
        try "ALTER TABLE tvcas_logs ADD COLUMN IF NOT EXISTS extra int;\n".write(
            to: migrations.appendingPathComponent("0002_good.sql"), atomically: true, encoding: .utf8)
        try "ALTER TABLE tvcas_logs ADD COLUMN IF NOT EXISTS other int;\nALTER TABLE no_such_table ADD COLUMN x int;\n".write(
            to: migrations.appendingPathComponent("0003_bad.sql"), atomically: true, encoding: .utf8)
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        #expect {
            try Migrator(catalog: MigrationCatalog(directory: folder.url)).migrate(on: connection)
        } throws: { error in
            guard case MigrationError.statementFailed(let migration, let statement, let cause) = error else { return false }
            return migration == "0003_bad" && statement == 2 && cause.code == 1146
        }
        #expect(try database.sql("SELECT version FROM tvcas_schema_migrations ORDER BY version") == "0\n1\n2\n")
        // Fixed, the migration runs again from its first (re-runnable) statement.
        try "ALTER TABLE tvcas_logs ADD COLUMN IF NOT EXISTS other int;\n".write(
            to: migrations.appendingPathComponent("0003_bad.sql"), atomically: true, encoding: .utf8)
        let steps = try Migrator(catalog: MigrationCatalog(directory: folder.url)).migrate(on: connection)
        #expect(steps == [.applied("0003_bad")])
    }

    @Test("concurrent runs are serialised by the lease: every migration is applied once")
    func concurrentRuns() async throws {
        let database = try TestDatabase(prefix: "concurrent")
        defer { database.drop() }
        let catalog = try TestDatabase.catalog
        let pool = ConnectionPool(settings: database.settings, threads: 3)
        defer { pool.shutdown() }
        let results = try await withThrowingTaskGroup(of: [Migrator.Step].self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try await pool.withConnection { try Migrator(catalog: catalog).migrate(on: $0) }
                }
            }
            var all: [[Migrator.Step]] = []
            for try await steps in group { all.append(steps) }
            return all
        }
        let applied = results.flatMap { $0 }
        #expect(applied.count == catalog.migrations.count + 1)
        #expect(results.filter(\.isEmpty).count == 2)
    }

    @Test("a lease held by another live run makes a migration wait, and an expired one is taken over")
    func leaseExpiry() throws {
        let database = try TestDatabase.migrated(prefix: "lease")
        defer { database.drop() }
        try database.sql("UPDATE tvcas_schema_lock SET owner = 'other', lease_until = UNIX_TIMESTAMP() + 60")
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        var migrator = try Migrator(catalog: TestDatabase.catalog)
        migrator.waitSeconds = 0.5
        #expect {
            try migrator.migrate(on: connection)
        } throws: { error in
            guard case MigrationError.leaseBusy(let owner) = error else { return false }
            return owner == "other"
        }
        try database.sql("UPDATE tvcas_schema_lock SET lease_until = UNIX_TIMESTAMP() - 1")
        #expect(try migrator.migrate(on: connection).isEmpty)
    }

    @Test("a lease left by an interrupted migrate on this host is taken over at once")
    func deadOwnerTakenOver() throws {
        let database = try TestDatabase.migrated(prefix: "lease")
        defer { database.drop() }
        let exited = try Subprocess.run("/bin/sh", ["-c", "echo $$"])
        let deadPID = try #require(Int32(exited.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        let host = ProcessInfo.processInfo.hostName
        try database.sql("UPDATE tvcas_schema_lock SET owner = '\(host):\(deadPID):abcdef12', lease_until = UNIX_TIMESTAMP() + 300")
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        var migrator = try Migrator(catalog: TestDatabase.catalog)
        migrator.waitSeconds = 5
        #expect(try migrator.migrate(on: connection).isEmpty)
        #expect(try database.sql("SELECT owner FROM tvcas_schema_lock") == "\n")
    }
}
