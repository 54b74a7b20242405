import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("The migration files")
struct MigrationFilesTests {
    @Test("every file of sql/migrations is numbered, in order, and each statement is DDL")
    func catalog() throws {
        let catalog = try TestDatabase.catalog
        #expect(catalog.migrations.first?.label == "0001_migration_ledger")
        #expect(catalog.migrations.map(\.version) == Array(1...catalog.migrations.count))
        #expect(catalog.schema.statements.count == 5)
        for migration in catalog.migrations {
            #expect(!migration.statements.isEmpty, "\(migration.label) has no statement")
            for statement in migration.statements {
                #expect(statement.hasPrefix("CREATE TABLE IF NOT EXISTS") || statement.hasPrefix("ALTER TABLE"), "\(migration.label)")
                #expect(!statement.contains("DROP"), "\(migration.label) drops something")
            }
            #expect(migration.checksum.count == 64)
        }
    }
}

@Suite("The original tables on a Galera node")
struct GaleraSchemaTests {
    @Test("with wsrep_on the original tables are created as InnoDB with the same columns")
    func innoDBStraightAway() throws {
        let database = try TestDatabase(prefix: "galera")
        defer { database.drop() }
        let migrator = Migrator(catalog: try TestDatabase.catalog)
        let statements = migrator.originalTableStatements(innoDB: true)
        #expect(statements.count == 5)
        #expect(statements.allSatisfy { $0.contains("ENGINE=InnoDB") && !$0.contains("MyISAM") })
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        for statement in statements { try connection.executeText(statement) }
        #expect(try database.sql("SELECT DISTINCT engine FROM information_schema.tables WHERE table_schema = DATABASE()") == "InnoDB\n")
        let plain = migrator.originalTableStatements(innoDB: false)
        #expect(plain.filter { $0.contains("ENGINE=MyISAM") }.count == 3)
        // Adoption accepts these tables: same columns as schema.sql.
        let steps = try migrator.migrate(on: connection)
        #expect(steps.first == .adopted)
    }
}

@Suite("Splitting SQL files into statements")
struct SQLScriptTests {
    @Test("semicolons in quotes and comments do not split; comments are dropped")
    func split() throws {
        let folder = try ScratchDirectory(prefix: "split")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("migrations"), withIntermediateDirectories: true)
        try
            "-- a comment; with a semicolon\nCREATE TABLE a (x varchar(3) DEFAULT ';');\n/* block; */ ALTER TABLE a COMMENT 'it''s; fine';\n# hash; comment\n"
            .write(toFile: folder.path("schema.sql"), atomically: true, encoding: .utf8)
        let catalog = try MigrationCatalog(directory: folder.url)
        #expect(catalog.schema.statements == ["CREATE TABLE a (x varchar(3) DEFAULT ';')", "ALTER TABLE a COMMENT 'it''s; fine'"])
        #expect(catalog.migrations.isEmpty)
    }
}
