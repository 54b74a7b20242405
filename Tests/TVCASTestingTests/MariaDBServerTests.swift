import Foundation
import TVCASTesting
import Testing

@Suite("The harness's private MariaDB")
struct MariaDBServerTests {
    @Test("loads the TVCAS3 fixture dump into a database of its own")
    func loadsFixture() throws {
        let server = try MariaDBServer.shared()
        let database = try server.makeDatabase(prefix: "harness")
        defer { server.dropDatabase(database) }
        try server.load(RepositoryPaths.fixtureDump, into: database)
        let tables = try server.execute("SHOW TABLES", database: database).split(separator: "\n")
        #expect(Set(tables) == ["tvcas_ecmg", "tvcas_ecmg_log", "tvcas_emmg", "tvcas_logs", "tvcas_smartcards"])
        let cards = try server.execute("SELECT COUNT(*) FROM tvcas_smartcards", database: database)
        #expect(Int(cards.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
    }

    @Test("a server of its own starts, restarts on the same data and is removed")
    func startRestartStop() throws {
        let server = try MariaDBServer.start(tcp: false)
        let database = try server.makeDatabase()
        try server.execute("CREATE TABLE t (v INT); INSERT INTO t VALUES (42)", database: database)
        try server.restart()
        #expect(try server.execute("SELECT v FROM t", database: database) == "42\n")
        server.stop()
        #expect(!server.isRunning)
        #expect(!FileManager.default.fileExists(atPath: server.directory.url.path))
    }
}
