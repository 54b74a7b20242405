import Foundation
import Logging
import TVCASDatabase
import TVCASTesting
import Testing

@testable import TVCASWeb

/// The log viewer's queries and the retention on a real MariaDB loaded with the fixture.
@Suite("Panels: log filters, keyset pages, retention")
struct LogViewerQueryTests {
    private func withDatabase(_ body: (Connection) throws -> Void) throws {
        let server = try MariaDBServer.shared()
        let database = try server.makeDatabase(prefix: "logview")
        defer { server.dropDatabase(database) }
        try server.load(RepositoryPaths.fixtureDump, into: database)
        let connection = Connection(settings: DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: database))
        defer { connection.close() }
        try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
        try connection.execute("DELETE FROM tvcas_logs")
        try body(connection)
    }

    private func add(
        _ connection: Connection, _ message: String, type: Int32 = 0, user: String = "admin", time: Int32, ip: String = "10.0.0.1"
    )
        throws
    {
        try connection.logs.append(LogEntry(message: message, type: type, user: user, time: time, ip: ip))
    }

    @Test("filters by type, user, time range and literal text (LIKE wildcards escaped); pages by id, newest first")
    func filters() throws {
        try withDatabase { connection in
            try add(connection, "Start ECMG_1", time: 1000)
            try add(connection, "Stop ECMG_1", type: 1, time: 2000)
            try add(connection, "Edit smartcard 2100000001", user: "oper", time: 3000, ip: "192.168.5.5")
            try add(connection, "100% done_x", user: "API", time: 4000)
            try add(connection, "100 done", user: "API", time: 5000)
            let all = try connection.logs.page(LogFilter(), before: nil, limit: 10)
            #expect(all.map(\.time) == [5000, 4000, 3000, 2000, 1000])
            #expect(try connection.logs.page(LogFilter(type: 1), before: nil, limit: 10).map(\.message) == ["Stop ECMG_1"])
            #expect(try connection.logs.page(LogFilter(user: "oper"), before: nil, limit: 10).count == 1)
            #expect(try connection.logs.page(LogFilter(from: 2000, to: 4000), before: nil, limit: 10).map(\.time) == [4000, 3000, 2000])
            #expect(try connection.logs.page(LogFilter(text: "100%"), before: nil, limit: 10).map(\.time) == [4000])
            #expect(try connection.logs.page(LogFilter(text: "done_"), before: nil, limit: 10).map(\.time) == [4000])
            #expect(try connection.logs.page(LogFilter(text: "192.168"), before: nil, limit: 10).map(\.time) == [3000])
            #expect(try connection.logs.page(LogFilter(text: "ecmg"), before: nil, limit: 10).count == 2)
            let first = try connection.logs.page(LogFilter(), before: nil, limit: 2)
            let second = try connection.logs.page(LogFilter(), before: first.last!.id, limit: 2)
            #expect(second.map(\.time) == [3000, 2000])
            #expect(try connection.logs.count(LogFilter(user: "API")) == 2)
        }
    }

    @Test("retention deletes rows older than the configured days in batches; 0 keeps everything")
    func retention() throws {
        try withDatabase { connection in
            let now: Int64 = 1_700_000_000
            for index in 0..<25 { try add(connection, "old \(index)", time: Int32(now - 40 * 86_400 + Int64(index))) }
            try add(connection, "recent", time: Int32(now - 86_400))
            #expect(try LogRetention(days: 0).prune(on: connection, now: now) == 0)
            #expect(try connection.logs.count() == 26)
            #expect(try LogRetention(days: 30, batchSize: 10).prune(on: connection, now: now) == 25)
            #expect(try connection.logs.page(LogFilter(), before: nil, limit: 10).map(\.message) == ["recent"])
        }
    }

    @Test("the background retention of tvcas web prunes at start on its own connection and stops when asked")
    func background() throws {
        try withDatabase { connection in
            let now = Int64(Date().timeIntervalSince1970)
            try add(connection, "old", time: Int32(now - 3 * 86_400))
            try add(connection, "new", time: Int32(now))
            #expect(LogRetention(days: 0).startBackground(settings: connection.settings, logger: Logger(label: "test")) == nil)
            let task = try #require(LogRetention(days: 2).startBackground(settings: connection.settings, logger: Logger(label: "test")))
            defer { task.stop() }
            let deadline = Date().addingTimeInterval(30)
            while task.progress.passes == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            #expect(task.progress.passes >= 1 && task.progress.removed == 1)
            #expect(try connection.logs.page(LogFilter(), before: nil, limit: 10).map(\.message) == ["new"])
        }
    }
}
