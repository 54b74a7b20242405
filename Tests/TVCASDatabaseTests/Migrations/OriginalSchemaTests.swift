import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("sql/schema.sql against the TVCAS3 dump")
struct OriginalSchemaTests {
    /// `SHOW CREATE TABLE` without the AUTO_INCREMENT counter.
    static func createStatement(_ table: String, in database: TestDatabase) throws -> String {
        let output = try database.sql("SHOW CREATE TABLE `\(table)`")
        let statement = output.split(separator: "\t", maxSplits: 1).last.map(String.init) ?? ""
        return statement.replacing(#/ AUTO_INCREMENT=\d+/#, with: "")
    }

    @Test("each original table from schema.sql is the table of tvcas.sql", arguments: OriginalTables.names)
    func sameCreateTable(table: String) throws {
        let fromFixture = try TestDatabase(prefix: "fixture")
        let fromSchema = try TestDatabase(prefix: "schema")
        defer {
            fromFixture.drop()
            fromSchema.drop()
        }
        try fromFixture.server.load(RepositoryPaths.fixtureDump, into: fromFixture.name)
        try fromSchema.server.load(RepositoryPaths.sql.appendingPathComponent("schema.sql"), into: fromSchema.name)
        #expect(try Self.createStatement(table, in: fromSchema) == Self.createStatement(table, in: fromFixture))
    }

    @Test("migration 0000 through tvcas creates the same tables as the dump")
    func migratorCreatesOriginalTables() throws {
        let fromFixture = try TestDatabase(prefix: "fixture")
        let created = try TestDatabase(prefix: "created")
        defer {
            fromFixture.drop()
            created.drop()
        }
        try fromFixture.server.load(RepositoryPaths.fixtureDump, into: fromFixture.name)
        let connection = Connection(settings: created.settings)
        defer { connection.close() }
        let steps = try Migrator(catalog: TestDatabase.catalog, targetVersion: 1).migrate(on: connection)
        #expect(steps.first == .created(innoDB: false))
        for table in OriginalTables.names {
            #expect(try Self.createStatement(table, in: created) == Self.createStatement(table, in: fromFixture))
        }
    }

    @Test("the column list read from schema.sql has every original column")
    func parsesColumns() throws {
        let tables = OriginalTables(schema: try TestDatabase.catalog.schema).tables
        #expect(tables.map(\.name) == ["tvcas_ecmg", "tvcas_ecmg_log", "tvcas_emmg", "tvcas_logs", "tvcas_smartcards"])
        let cards = try #require(tables.last)
        #expect(cards.columns.count == 18)
        #expect(cards.columns[1].name == "serial_no" && cards.columns[1].type == "int(10) unsigned")
        #expect(tables[2].columns.first { $0.name == "reload_sec" }?.type == "int(5) unsigned")
    }
}
