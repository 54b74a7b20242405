import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("tvcas migrate and tvcas demo-data from the command line")
struct MigrateCommandTests {
    static func config(for database: TestDatabase, in folder: ScratchDirectory) throws -> String {
        let path = folder.path("tvcas.toml")
        try """
        mysql_server = "localhost"
        mysql_socket = "\(database.server.socketPath)"
        mysql_user = "root"
        mysql_pass = ""
        mysql_base = "\(database.name)"
        sql_dir = "\(RepositoryPaths.sql.path)"
        ecm_key = "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"
        pass_admin = "admin-password"
        pass_oper = "oper-password"
        api_key = "test-api-key"

        [web]
        secret = "0123456789abcdef0123456789abcdef"
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("migrate says what it did, then nothing to do; a newer database exits 3 naming the migration")
    func migrateCommand() throws {
        let database = try TestDatabase(prefix: "cli")
        defer { database.drop() }
        let folder = try ScratchDirectory(prefix: "cli")
        defer { folder.remove() }
        let config = try Self.config(for: database, in: folder)
        let tvcas = RepositoryPaths.tvcasExecutable.path
        let first = try Subprocess.run(tvcas, ["migrate", "--config", config])
        #expect(first.status == 0, "\(first.errorOutput)")
        let lines = first.output.split(separator: "\n")
        #expect(lines.first == "0000_original_tables: created the original tables")
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(": applied") })
        let second = try Subprocess.run(tvcas, ["migrate", "--config", config])
        #expect(second.status == 0 && second.output == "nothing to do\n")
        let demo = try Subprocess.run(tvcas, ["demo-data", "--config", config, "--cards", "500"])
        #expect(demo.status == 0, "\(demo.errorOutput)")
        #expect(demo.output.contains("500 cards (serials 2100000000-2100000499)"))
        #expect(try database.sql("SELECT COUNT(*), MIN(serial_no) FROM tvcas_smartcards") == "500\t2100000000\n")
        #expect(try database.sql("SELECT `key` FROM tvcas_ecmg") == "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_emmg") == "1\n")
        let again = try Subprocess.run(tvcas, ["demo-data", "--config", config, "--cards", "500", "--if-empty"])
        #expect(again.status == 0 && again.output.contains("nothing to do"))
        try database.sql("INSERT INTO tvcas_schema_migrations VALUES (9000, 'newer', REPEAT('0', 64), 0)")
        let newer = try Subprocess.run(tvcas, ["migrate", "--config", config])
        #expect(newer.status == 3)
        #expect(newer.errorOutput.contains("9000_newer"))
    }
}
