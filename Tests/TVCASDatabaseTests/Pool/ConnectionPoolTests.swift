import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("The connection pool and its transactions")
struct ConnectionPoolTests {
    @Test("a finished job is released with what its closure captured (the ECMG's CW log batches were kept)")
    func releasesFinishedJobs() async throws {
        let database = try TestDatabase.migrated(prefix: "pooljobs")
        defer { database.drop() }
        let pool = ConnectionPool(settings: database.settings, threads: 1)
        defer { pool.shutdown() }
        weak var captured: CapturedBatch?
        for _ in 0..<3 {
            let batch = CapturedBatch()
            captured = batch
            let count = try await pool.withConnection { _ in batch.bytes.count }
            #expect(count == 1 << 20)
        }
        for _ in 0..<200 where captured != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(captured == nil)
    }

    @Test("closures run on the pool's own threads, many at once")
    func ownThreads() async throws {
        let database = try TestDatabase.migrated(prefix: "pool")
        defer { database.drop() }
        let pool = ConnectionPool(settings: database.settings, threads: 4)
        defer { pool.shutdown() }
        let onPoolThreads = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try await pool.withConnection { connection in
                        _ = try connection.query("SELECT ?", [index])
                        return ConnectionPool.isOnPoolThread
                    }
                }
            }
            var all: [Bool] = []
            for try await flag in group { all.append(flag) }
            return all
        }
        #expect(onPoolThreads.count == 40 && onPoolThreads.allSatisfy { $0 })
        #expect(!ConnectionPool.isOnPoolThread)
    }

    @Test("a transaction records its request id; a replay with the same id is a success that does nothing")
    func replayIsAlreadyCommitted() async throws {
        let database = try TestDatabase.migrated(prefix: "pool")
        defer { database.drop() }
        try database.sql("CREATE TABLE counter (id INT PRIMARY KEY, n INT) ENGINE=InnoDB; INSERT INTO counter VALUES (1, 0)")
        let pool = ConnectionPool(settings: database.settings, threads: 2)
        defer { pool.shutdown() }
        let id = try #require(RequestID("api-42"))
        let first = try await pool.transaction(requestID: id) { connection in
            try connection.execute("UPDATE counter SET n = n + 1 WHERE id = 1").affectedRows
        }
        #expect(first.value == 1)
        let replay = try await pool.transaction(requestID: id) { connection in
            try connection.execute("UPDATE counter SET n = n + 1 WHERE id = 1").affectedRows
        }
        guard case .alreadyCommitted = replay else {
            Issue.record("replay ran again")
            return
        }
        #expect(try database.sql("SELECT n FROM counter") == "1\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_requests WHERE request_id = 'api-42'") == "1\n")
    }

    @Test("an error thrown by the block rolls everything back, request id included")
    func errorRollsBack() async throws {
        struct Refused: Error {}
        let database = try TestDatabase.migrated(prefix: "pool")
        defer { database.drop() }
        try database.sql("CREATE TABLE t (v INT) ENGINE=InnoDB")
        let pool = ConnectionPool(settings: database.settings, threads: 1)
        defer { pool.shutdown() }
        await #expect(throws: Refused.self) {
            _ = try await pool.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Refused()
            }
        }
        #expect(try database.sql("SELECT COUNT(*) FROM t") == "0\n")
        #expect(try database.sql("SELECT COUNT(*) FROM tvcas_requests") == "0\n")
    }

    @Test("a connection killed in the middle of a transaction: the whole block runs again and commits once")
    func killedMidTransaction() async throws {
        let database = try TestDatabase.migrated(prefix: "pool")
        defer { database.drop() }
        try database.sql("CREATE TABLE t (v INT) ENGINE=InnoDB")
        let pool = ConnectionPool(settings: database.settings, threads: 1)
        defer { pool.shutdown() }
        let attempts = Counter()
        let server = database.server
        let outcome = try await pool.transaction(retry: RetryPolicy(maxAttempts: 5, baseDelay: 0.01)) { connection in
            let attempt = attempts.increment()
            try connection.execute("INSERT INTO t VALUES (?)", [attempt])
            if attempt == 1 { try server.execute("KILL CONNECTION \(connection.serverConnectionID)") }
            try connection.execute("INSERT INTO t VALUES (?)", [attempt * 10])
            return attempt
        }
        #expect(outcome.value == 2)
        #expect(try database.sql("SELECT v FROM t ORDER BY v") == "2\n20\n")
    }

    @Test("two transactions in a deadlock: the loser runs again and both commit")
    func deadlockRetried() async throws {
        let database = try TestDatabase.migrated(prefix: "pool")
        defer { database.drop() }
        try database.sql("CREATE TABLE acct (id INT PRIMARY KEY, n INT) ENGINE=InnoDB; INSERT INTO acct VALUES (1, 0), (2, 0)")
        let pool = ConnectionPool(settings: database.settings, threads: 2)
        defer { pool.shutdown() }
        let attempts = Counter()
        let firstLocks = Rendezvous(parties: 2)
        func transfer(first: Int, second: Int) async throws -> TransactionOutcome<Void> {
            let tries = Counter()
            return try await pool.transaction(retry: RetryPolicy(maxAttempts: 5, baseDelay: 0.01)) { connection in
                attempts.increment()
                let attempt = tries.increment()
                try connection.execute("UPDATE acct SET n = n + 1 WHERE id = ?", [first])
                if attempt == 1 { firstLocks.arriveAndWait() }
                try connection.execute("UPDATE acct SET n = n + 1 WHERE id = ?", [second])
            }
        }
        async let one = transfer(first: 1, second: 2)
        async let two = transfer(first: 2, second: 1)
        _ = try await (one, two)
        #expect(attempts.value == 3)
        #expect(try database.sql("SELECT n FROM acct ORDER BY id") == "2\n2\n")
    }

    @Test("a server restart in the middle: the next read and the next transaction succeed")
    func survivesServerRestart() async throws {
        let server = try MariaDBServer.start(tcp: false)
        defer { server.stop() }
        let database = try TestDatabase(server: server, prefix: "restart")
        let connection = Connection(settings: database.settings)
        try Migrator(catalog: TestDatabase.catalog).migrate(on: connection)
        connection.close()
        try database.sql("CREATE TABLE t (v INT) ENGINE=InnoDB")
        let pool = ConnectionPool(settings: database.settings, threads: 2)
        defer { pool.shutdown() }
        for value in 1...2 {
            _ = try await pool.transaction { try $0.execute("INSERT INTO t VALUES (?)", [value]) }
        }
        try server.restart()
        let count = try await pool.withConnection { try $0.queryFirst("SELECT COUNT(*) AS n FROM t")?.decode("n", as: Int.self) }
        #expect(count == 2)
        try server.restart()
        let outcome = try await pool.transaction { try $0.execute("INSERT INTO t VALUES (3)").affectedRows }
        #expect(outcome.value == 1)
        for _ in 0..<4 {
            _ = try await pool.withConnection { try $0.ping() }
        }
        #expect(try database.sql("SELECT COUNT(*) FROM t") == "3\n")
    }
}

/// A thread-safe counter for blocks that run on pool threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    @discardableResult
    func increment() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
    var value: Int { lock.withLock { count } }
}

/// Lets `parties` pool threads wait for each other once.
final class Rendezvous: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private let parties: Int

    init(parties: Int) { self.parties = parties }

    func arriveAndWait() {
        condition.lock()
        arrived += 1
        condition.broadcast()
        let deadline = Date().addingTimeInterval(10)
        while arrived < parties, condition.wait(until: deadline) {}
        condition.unlock()
    }
}

/// A large capture, as the ECMG's CW log batch is.
private final class CapturedBatch: Sendable {
    let bytes = [UInt8](repeating: 0, count: 1 << 20)
}
