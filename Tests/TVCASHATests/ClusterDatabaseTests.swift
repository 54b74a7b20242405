import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

/// The database layer on a real 3-node Galera cluster (issue 15): node choice, causal reads,
/// transactions that move to another node, and a schema a strict cluster accepts.
@Suite("HATests: the database layer on a Galera cluster", .enabled(if: GaleraCluster.isEnabled), .serialized)
struct ClusterDatabaseTests {
    @Test("every table is InnoDB with a primary key on every node, under the strict wsrep_mode")
    func schemaIsStrictClean() throws {
        let database = try ClusterDatabase(prefix: "schema")
        defer { database.drop() }
        for node in database.cluster.nodes {
            let mode = try node.execute("SELECT @@global.wsrep_mode")
            #expect(mode.contains("STRICT_REPLICATION") && mode.contains("REQUIRED_PRIMARY_KEY"))
            let engines = try database.sql(
                "SELECT DISTINCT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", on: node)
            #expect(engines == "InnoDB", "node \(node.name)")
            let withoutKey = try database.sql(
                """
                SELECT t.TABLE_NAME FROM information_schema.TABLES t
                LEFT JOIN information_schema.TABLE_CONSTRAINTS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA
                  AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY'
                WHERE t.TABLE_SCHEMA = DATABASE() AND c.CONSTRAINT_NAME IS NULL
                """, on: node)
            #expect(withoutKey.isEmpty, "tables without a primary key on \(node.name): \(withoutKey)")
            let tables = try database.sql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", on: node)
            #expect(Int(tables) ?? 0 >= 13)
        }
    }

    @Test("an empty database on the cluster gets the original tables as InnoDB straight away")
    func freshClusterCreatesInnoDB() throws {
        let cluster = try GaleraCluster.shared()
        try cluster.heal()
        let name = try cluster.makeDatabase(prefix: "fresh")
        defer { _ = try? cluster.nodes[0].execute("DROP DATABASE IF EXISTS `\(name)`") }
        let settings = DatabaseSettings(
            endpoint: .tcp(cluster.nodes.map { .init(host: "127.0.0.1", port: $0.ports.sql) }), user: cluster.user,
            password: cluster.password, database: name)
        let connection = Connection(settings: settings)
        defer { connection.close() }
        let steps = try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
        #expect(steps.first == .created(innoDB: true))
        let engines = try cluster.nodes[2].execute(
            "SELECT DISTINCT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(name)'")
        #expect(engines.trimmingCharacters(in: .whitespacesAndNewlines) == "InnoDB")
    }

    @Test("a connection skips a node that refuses and a node that hangs, and sets wsrep_sync_wait")
    func skipsDeadAndHungNodes() throws {
        let database = try ClusterDatabase(prefix: "skip")
        defer { database.drop() }
        let cluster = database.cluster
        var settings = database.settings(nodes: [cluster.nodes[0], cluster.nodes[1]], connectTimeout: 2)
        guard case .tcp(var nodes) = settings.endpoint else { return }
        nodes.insert(.init(host: "127.0.0.1", port: freeLoopbackPort()), at: 0)
        settings.endpoint = .tcp(nodes)
        cluster.nodes[0].freeze()
        defer { cluster.nodes[0].thaw() }
        let connection = Connection(settings: settings)
        defer { connection.close() }
        let row = try connection.queryFirst("SELECT @@wsrep_node_name AS node, @@session.wsrep_sync_wait AS wait")
        cluster.nodes[0].thaw()
        #expect(try row?.decode("node") as String? == "n2")
        #expect(try row?.decode("wait") as Int? == 1)
    }

    @Test("a read on one node sees a commit made just before through another node")
    func causalReadsAcrossNodes() throws {
        let database = try ClusterDatabase(prefix: "causal")
        defer { database.drop() }
        let cluster = database.cluster
        let writer = Connection(settings: database.settings(nodes: [cluster.nodes[0]]))
        let reader = Connection(settings: database.settings(nodes: [cluster.nodes[2]]))
        defer {
            writer.close()
            reader.close()
        }
        var missed = 0
        for index in 0..<300 {
            let id = "causal-\(index)-\(RequestID.random().value.prefix(8))"
            try writer.execute("INSERT INTO tvcas_requests (request_id, done_at) VALUES (?, 1)", [id])
            if try reader.requests.contains(RequestID(id)!) == false { missed += 1 }
        }
        #expect(missed == 0)
    }

    @Test("transactions move to another node when theirs is killed -9; every acknowledged one is there once")
    func transactionsSurviveKill() async throws {
        let database = try ClusterDatabase(prefix: "kill")
        defer { database.drop() }
        let cluster = database.cluster
        let pool = ConnectionPool(settings: database.settings(), threads: 4)
        defer { pool.shutdown() }
        let stop = Date().addingTimeInterval(16)
        let results = try await withThrowingTaskGroup(of: WriterTally.self) { group in
            for writer in 0..<4 {
                group.addTask { try await Self.write(pool: pool, writer: writer, until: stop) }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(3))
                try Self.busiestNode(of: cluster, user: cluster.user).killHard()
                return WriterTally()
            }
            var all = WriterTally()
            for try await tally in group { all.merge(tally) }
            return all
        }
        #expect(results.acknowledged.count > 50)
        try cluster.heal()
        let counts = try database.sql(
            "SELECT msg, COUNT(*) FROM tvcas_logs WHERE msg LIKE 'ha-kill %' GROUP BY msg HAVING COUNT(*) > 1")
        #expect(counts.isEmpty, "duplicated log rows: \(counts.prefix(300))")
        let logged = Set(try database.sql("SELECT msg FROM tvcas_logs WHERE msg LIKE 'ha-kill %'").split(separator: "\n").map(String.init))
        let missing = results.acknowledged.filter { !logged.contains($0) }
        #expect(missing.isEmpty, "acknowledged but missing: \(missing.prefix(5))")
        let unexpected = logged.subtracting(results.acknowledged).subtracting(results.unknown)
        #expect(unexpected.isEmpty, "rows nobody wrote: \(unexpected.prefix(5))")
        let contents = try cluster.contents(of: ["tvcas_logs", "tvcas_requests"], in: database.name)
        #expect(Set(contents.values).count == 1, "nodes disagree: \(contents)")
    }

    /// What one writer did: the messages of transactions that committed, and of those whose
    /// outcome it does not know (an error after the retries ran out).
    struct WriterTally: Sendable {
        var acknowledged: Set<String> = []
        var unknown: Set<String> = []

        mutating func merge(_ other: WriterTally) {
            acknowledged.formUnion(other.acknowledged)
            unknown.formUnion(other.unknown)
        }
    }

    static func write(pool: ConnectionPool, writer: Int, until stop: Date) async throws -> WriterTally {
        var tally = WriterTally()
        var index = 0
        while Date() < stop {
            index += 1
            let message = "ha-kill \(writer)-\(index)"
            let entry = LogEntry(message: message, type: 0, user: "HA", time: 1, ip: "127.0.0.1")
            do {
                _ = try await pool.transaction(retry: RetryPolicy(maxAttempts: 12, baseDelay: 0.1, maxDelay: 2)) { connection in
                    try connection.logs.append(entry)
                }
                tally.acknowledged.insert(message)
            } catch {
                tally.unknown.insert(message)
            }
        }
        return tally
    }

    /// The running node with the most client connections of `user` (the one to kill).
    static func busiestNode(of cluster: GaleraCluster, user: String) throws -> GaleraNode {
        let running = cluster.nodes.filter(\.isRunning)
        let counts = try running.map { node in
            Int(
                try node.execute("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '\(user)'")
                    .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        return running[counts.indices.max { counts[$0] < counts[$1] }!]
    }
}
