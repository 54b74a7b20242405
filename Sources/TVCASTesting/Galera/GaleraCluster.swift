import Foundation

/// A MariaDB Galera cluster on loopback for the HA tests (galera-notes.md): three `mariadbd`
/// with their own folders and ports, rsync SST, the lean configuration, and
/// `wsrep_mode = STRICT_REPLICATION,REQUIRED_PRIMARY_KEY`.
///
/// Node 1 gets a system-table data folder and bootstraps the cluster; the others start empty and
/// join by SST. Clients connect over TCP as ``user`` (`127.0.0.1`, password ``password``) to
/// ``hostList``; the harness itself talks to each node as root through its socket.
///
/// ```swift
/// let cluster = try GaleraCluster.shared()
/// cluster.nodes[1].killHard()
/// try cluster.rejoin(cluster.nodes[1])
/// ```
public final class GaleraCluster: @unchecked Sendable {
    /// The cluster's folder (one sub-folder per node).
    public let directory: ScratchDirectory
    /// The nodes, `n1` first.
    public let nodes: [GaleraNode]
    /// The SQL user for clients over TCP (all privileges).
    public let user = "tvcas"
    /// That user's password.
    public let password = "tvcas-ha-test"
    private let lock = NSLock()
    private var databaseCounter = 0

    /// `127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3`: every node, in order (`mysql_server`).
    public var hostList: String { nodes.map { "127.0.0.1:\($0.ports.sql)" }.joined(separator: ",") }

    /// Brings up a cluster of `size` nodes from nothing (about 12 s for three).
    public static func start(size: Int = 3) throws -> GaleraCluster {
        guard FileManager.default.fileExists(atPath: "/usr/lib/galera/libgalera_smm.so") else {
            throw HarnessError.missingProgram("galera-4 (/usr/lib/galera/libgalera_smm.so)")
        }
        _ = try Subprocess.resolve("rsync")
        let directory = try ScratchDirectory(prefix: "tvcas-galera")
        let ports = (0..<size).map { _ in GaleraNodePorts.free() }
        let nodes = ports.enumerated().map { index, ports in
            GaleraNode(name: "n\(index + 1)", directory: directory.path("n\(index + 1)"), ports: ports)
        }
        let cluster = GaleraCluster(directory: directory, nodes: nodes)
        do {
            try cluster.writeConfigurations(flushLogAtCommit: 0)
            try cluster.bootstrap()
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    private init(directory: ScratchDirectory, nodes: [GaleraNode]) {
        self.directory = directory
        self.nodes = nodes
    }

    private func writeConfigurations(flushLogAtCommit: Int) throws {
        for node in nodes {
            try FileManager.default.createDirectory(atPath: node.directory + "/tmp", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: node.directory + "/data", withIntermediateDirectories: true)
            var configuration = GaleraNodeConfiguration(
                name: node.name, directory: node.directory, ports: node.ports, peerGaleraPorts: nodes.map(\.ports.galera),
                clusterName: "tvcas-ha")
            configuration.flushLogAtCommit = flushLogAtCommit
            try configuration.text.write(toFile: node.configurationPath, atomically: true, encoding: .utf8)
        }
        if geteuid() == 0 { try Subprocess.check("chown", ["-R", "mysql:mysql", directory.url.path]) }
    }

    private func bootstrap() throws {
        let first = nodes[0]
        try Subprocess.check(
            "mariadb-install-db",
            ["--defaults-file=\(first.configurationPath)", "--auth-root-authentication-method=normal", "--skip-test-db"])
        if geteuid() == 0 { try Subprocess.check("chown", ["-R", "mysql:mysql", first.directory]) }
        try first.launch(["--wsrep-new-cluster"])
        try first.waitUntilSynced()
        try first.execute(
            """
            DROP USER IF EXISTS ''@'localhost';
            CREATE USER IF NOT EXISTS '\(user)'@'127.0.0.1' IDENTIFIED BY '\(password)';
            GRANT ALL PRIVILEGES ON *.* TO '\(user)'@'127.0.0.1' WITH GRANT OPTION;
            """)
        for node in nodes.dropFirst() { try node.launch([]) }
        for node in nodes.dropFirst() { try node.waitUntilSynced() }
        try waitForClusterSize(nodes.count)
    }

    // MARK: Failures and recovery

    /// Starts a stopped or crashed node again and waits until it is synced: after a crash
    /// (`seqno: -1`) its position is recovered first (`--wsrep-recover`), so it catches up by
    /// IST instead of a full SST (galera-notes.md §3a).
    public func rejoin(_ node: GaleraNode, timeout: TimeInterval = 90) throws {
        if node.isRunning { return }
        var arguments: [String] = []
        if let position = try node.recoveredPosition() { arguments.append("--wsrep-start-position=\(position)") }
        try node.launch(arguments)
        try node.waitUntilSynced(timeout: timeout)
    }

    /// Makes `node` (a survivor without quorum) a primary component of its own
    /// (`pc.bootstrap=YES`), as an operator does after making sure the other nodes are dead.
    public func bootstrapPrimary(on node: GaleraNode) throws {
        try node.execute("SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !node.isSynced { usleep(50_000) }
    }

    /// Waits until `node` has left the primary component (it answers, but `wsrep_ready` is OFF).
    public func waitUntilNotPrimary(_ node: GaleraNode, timeout: TimeInterval = 40) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if node.status("wsrep_ready") == "OFF" { return }
            usleep(100_000)
        }
        throw HarnessError.serverDidNotStart("galera node \(node.name) to lose quorum", log: "still ready after \(timeout) s")
    }

    /// Waits until every running node reports a cluster of `size` nodes.
    public func waitForClusterSize(_ size: Int, timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let running = nodes.filter(\.isRunning)
            if running.allSatisfy({ $0.status("wsrep_cluster_size") == String(size) }) { return }
            usleep(100_000)
        }
        throw HarnessError.serverDidNotStart("cluster of \(size)", log: "sizes never settled after \(timeout) s")
    }

    /// Brings every node back: crashed or stopped nodes rejoin; a survivor without quorum is
    /// bootstrapped first. Tests call it at the end so the next test finds three synced nodes.
    public func heal() throws {
        let running = nodes.filter(\.isRunning)
        if running.count < nodes.count / 2 + 1, let survivor = running.first, survivor.status("wsrep_ready") != "ON" {
            try bootstrapPrimary(on: survivor)
        }
        for node in nodes where !node.isRunning { try rejoin(node) }
        try waitForClusterSize(nodes.count)
    }

    // MARK: Databases

    /// Creates an empty database with a name unique in this cluster (`prefix_N`).
    public func makeDatabase(prefix: String = "ha") throws -> String {
        let name = lock.withLock {
            databaseCounter += 1
            return "\(prefix)_\(getpid())_\(databaseCounter)"
        }
        try nodes[0].execute("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        return name
    }

    /// Loads an SQL file into `database` through `node` (the first synced node by default).
    public func load(_ file: URL, into database: String, through node: GaleraNode? = nil) throws {
        let target = try node ?? firstSynced()
        let sql = try Data(contentsOf: file)
        try Subprocess.check(
            "mariadb", ["--no-defaults", "-uroot", "-S", target.socketPath, "--default-character-set=utf8mb4", database], input: sql)
    }

    /// The first node that is synced and ready.
    public func firstSynced() throws -> GaleraNode {
        guard let node = nodes.first(where: { $0.isRunning && $0.isSynced }) else {
            throw HarnessError.serverDidNotStart("a synced galera node", log: "none is synced")
        }
        return node
    }

    /// What each running node holds of `tables`: `table count checksum` lines, one string per
    /// node. Equal strings mean the nodes agree (galera-notes.md: compare counts and checksums).
    public func contents(of tables: [String], in database: String) throws -> [String: String] {
        var answer: [String: String] = [:]
        for node in nodes where node.isRunning {
            var lines: [String] = []
            for table in tables {
                let count = try node.execute("SET SESSION wsrep_sync_wait=1; SELECT COUNT(*) FROM `\(table)`", database: database)
                let checksum = try node.execute("CHECKSUM TABLE `\(table)`", database: database)
                let value = checksum.split(separator: "\t").last.map(String.init) ?? ""
                lines.append(
                    "\(table) \(count.trimmingCharacters(in: .whitespacesAndNewlines)) \(value.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            answer[node.name] = lines.joined(separator: "\n")
        }
        return answer
    }

    // MARK: Teardown

    /// Shuts every node down (last node first) and removes the folder.
    public func stop() {
        for node in nodes.reversed() { node.thaw() }
        for node in nodes.reversed() { node.shutdown() }
        if ProcessInfo.processInfo.environment["TVCAS_HA_KEEP"] == nil { directory.remove() }
    }

    // MARK: The shared cluster

    nonisolated(unsafe) private static var sharedCluster: GaleraCluster?
    private static let sharedLock = NSLock()

    /// The cluster shared by every HA suite of this test process, started on first use and
    /// removed when the process exits.
    public static func shared() throws -> GaleraCluster {
        try sharedLock.withLock {
            if let cluster = sharedCluster { return cluster }
            let cluster = try GaleraCluster.start()
            sharedCluster = cluster
            atexit {
                GaleraCluster.sharedCluster?.stop()
            }
            return cluster
        }
    }

    /// Whether the HA tests are switched on (`TVCAS_HA=1`, set by `scripts/test-ha.sh`).
    public static var isEnabled: Bool { ProcessInfo.processInfo.environment["TVCAS_HA"] == "1" }
}
