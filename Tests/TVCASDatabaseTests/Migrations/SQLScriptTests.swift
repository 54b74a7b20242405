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
