import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

/// `mysql_server` as a node list on a plain (non-Galera) server: refused nodes are skipped, and
/// the Galera session settings stay off.
@Suite("Connection: a list of nodes")
struct NodeListTests {
    @Test("refused nodes are skipped, whatever this process's order; no wsrep_sync_wait on a plain server")
    func skipsRefusedNodes() throws {
        let server = try MariaDBServer.shared()
        let database = try server.makeDatabase(prefix: "nodes")
        defer { server.dropDatabase(database) }
        try server.execute(
            "CREATE USER IF NOT EXISTS 'nodes'@'127.0.0.1' IDENTIFIED BY 'nodes-pw'; GRANT ALL ON `\(database)`.* TO 'nodes'@'127.0.0.1'")
        let port = try #require(server.port)
        let nodes = [freeLoopbackPort(), port, freeLoopbackPort()].map { DatabaseSettings.Node(host: "127.0.0.1", port: $0) }
        let connection = Connection(
            settings: DatabaseSettings(endpoint: .tcp(nodes), user: "nodes", password: "nodes-pw", database: database, connectTimeout: 2))
        defer { connection.close() }
        for _ in 0..<3 {
            let row = try connection.queryFirst("SELECT @@port AS port, @@session.wsrep_sync_wait AS wait")
            #expect(try row?.decode("port") as Int? == port)
            #expect(try row?.decode("wait") as Int? == 0)
            connection.close()
        }
    }

    @Test("no node answers: the error says the database is unavailable")
    func noNodeIsUnavailable() throws {
        let nodes = [freeLoopbackPort(), freeLoopbackPort()].map { DatabaseSettings.Node(host: "127.0.0.1", port: $0) }
        let connection = Connection(settings: DatabaseSettings(endpoint: .tcp(nodes), user: "x", database: "x", connectTimeout: 1))
        #expect {
            try connection.ping()
        } throws: { error in
            (error as? DatabaseError)?.isUnavailable == true
        }
    }
}
