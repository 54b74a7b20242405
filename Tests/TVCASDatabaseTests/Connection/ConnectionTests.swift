import Foundation
import TVCASConfig
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("A connection over MariaDB Connector/C")
struct ConnectionTests {
    @Test("values go in and come back typed: unsigned 32-bit, NULL, empty, 4-byte UTF-8, bytes")
    func roundTrip() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        try database.sql(
            "CREATE TABLE t (id INT PRIMARY KEY, u INT UNSIGNED, s VARCHAR(50), n TEXT NULL, b VARBINARY(8), d DOUBLE, big BIGINT)")
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let text = "Мария 🎬 ok"
        try connection.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", [1, UInt32(4_294_967_295), text, String?.none, [UInt8]([0, 255, 7]), 2.5, Int64.min])
        try connection.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", [2, UInt32(0), "", "", [UInt8](), 0.0, 0])
        let rows = try connection.query("SELECT * FROM t ORDER BY id")
        #expect(rows.count == 2)
        #expect(try rows[0].decode("u", as: UInt32.self) == 4_294_967_295)
        #expect(try rows[0].decode("s", as: String.self) == text)
        #expect(try rows[0].decode("n", as: String?.self) == nil)
        #expect(try rows[0].decode("b", as: [UInt8].self) == [0, 255, 7])
        #expect(try rows[0].decode("d", as: Double.self) == 2.5)
        #expect(try rows[0].decode("big", as: Int64.self) == Int64.min)
        #expect(try rows[1].decode("s", as: String.self) == "")
        #expect(try rows[1].decode("n", as: String?.self) == "")
        #expect(try database.sql("SELECT HEX(s) FROM t WHERE id = 1") == Array(text.utf8).map { String(format: "%02X", $0) }.joined() + "\n")
    }

    @Test("a decoding error names the column")
    func decodingErrorsNameColumn() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let row = try #require(try connection.queryFirst("SELECT -1 AS negative, NULL AS nothing, 'x' AS word"))
        #expect {
            try row.decode("negative", as: UInt32.self)
        } throws: { error in
            guard case DatabaseError.typeMismatch(let column, _, let found) = error else { return false }
            return column == "negative" && found == "-1"
        }
        #expect {
            try row.decode("nothing", as: Int.self)
        } throws: { error in
            guard case DatabaseError.unexpectedNull(let column) = error else { return false }
            return column == "nothing"
        }
        #expect {
            try row.decode("word", as: Int.self)
        } throws: { ($0 as? DatabaseError).map { "\($0)".contains("word") } ?? false }
        #expect(throws: DatabaseError.self) { try row.decode("absent", as: Int.self) }
    }

    @Test("a long value is read whole (result buffers sized from the longest value)")
    func longValues() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let long = String(repeating: "ж", count: 100_000)
        let row = try #require(try connection.queryFirst("SELECT ? AS v, 'short' AS w", [long]))
        #expect(try row.decode("v", as: String.self) == long)
    }

    @Test("the session uses utf8mb4 and reports matched rows")
    func sessionSettings() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let row = try #require(try connection.queryFirst("SELECT @@character_set_client AS c, @@character_set_results AS r"))
        #expect(try row.decode("c", as: String.self) == "utf8mb4")
        #expect(try row.decode("r", as: String.self) == "utf8mb4")
        try connection.executeText("CREATE TABLE t (id INT PRIMARY KEY, v INT)")
        try connection.execute("INSERT INTO t VALUES (1, 5)")
        #expect(try connection.execute("UPDATE t SET v = 5 WHERE id = 1").affectedRows == 1)
    }

    @Test("a killed connection is rebuilt and the read retried once")
    func killedConnectionReadRetried() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try connection.ping()
        _ = try connection.query("SELECT ? AS x", [1])
        let first = connection.serverConnectionID
        try database.sql("KILL CONNECTION \(first)")
        let row = try #require(try connection.queryFirst("SELECT ? AS x", [2]))
        #expect(try row.decode("x", as: Int.self) == 2)
        #expect(connection.serverConnectionID != first)
    }

    @Test("a write outside a transaction is not retried after a lost connection, and the next call works")
    func killedConnectionWriteNotRetried() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        try database.sql("CREATE TABLE t (v INT)")
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try connection.ping()
        try database.sql("KILL CONNECTION \(connection.serverConnectionID)")
        #expect {
            try connection.execute("INSERT INTO t VALUES (1)")
        } throws: { ($0 as? DatabaseError)?.isConnectionLoss ?? false }
        try connection.execute("INSERT INTO t VALUES (2)")
        #expect(try database.sql("SELECT v FROM t") == "2\n")
    }

    @Test("the connection rule of the configuration: socket, default socket, a list of TCP nodes")
    func connectionRule() throws {
        #expect(DatabaseSettings(ConfiguredDatabase(server: "db", socket: "/run/x.sock")).endpoint == .socket("/run/x.sock"))
        #expect(DatabaseSettings(ConfiguredDatabase(server: "localhost")).endpoint == .defaultSocket)
        #expect(
            DatabaseSettings(ConfiguredDatabase(server: "db1,db2:3307,db3", port: 3310)).endpoint
                == .tcp([.init(host: "db1", port: 3310), .init(host: "db2", port: 3307), .init(host: "db3", port: 3310)]))
    }

    @Test("TCP to a list of nodes skips one that refuses")
    func tcpNodeList() throws {
        let database = try TestDatabase(prefix: "conn")
        defer { database.drop() }
        let port = try #require(database.server.port)
        for host in ["127.0.0.1", "localhost"] {
            try database.sql("CREATE USER IF NOT EXISTS 'tvcas_tcp'@'\(host)' IDENTIFIED BY 'secret'")
            try database.sql("GRANT ALL ON `\(database.name)`.* TO 'tvcas_tcp'@'\(host)'")
        }
        let settings = DatabaseSettings(
            ConfiguredDatabase(
                server: "127.0.0.1:\(freeLoopbackPort()),localhost:\(port)", user: "tvcas_tcp", password: "secret", database: database.name))
        let connection = Connection(settings: settings)
        defer { connection.close() }
        let row = try #require(try connection.queryFirst("SELECT @@port AS p"))
        #expect(try row.decode("p", as: Int.self) == port)
    }
}
