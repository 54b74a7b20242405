import Foundation
import TVCASDatabase
import TVCASTesting

/// A database of its own on the shared test cluster, with the original tables (the fixture
/// dump, its MyISAM tables loaded as InnoDB as an operator's migrated single server would hold
/// them) brought to the current schema by the migrator.
struct ClusterDatabase {
    let cluster: GaleraCluster
    let name: String

    /// A fresh, migrated database with the fixture's rows.
    init(prefix: String = "ha") throws {
        cluster = try GaleraCluster.shared()
        try cluster.heal()
        name = try cluster.makeDatabase(prefix: prefix)
        let dump = try String(contentsOf: RepositoryPaths.fixtureDump, encoding: .utf8)
            .replacingOccurrences(of: "ENGINE=MyISAM", with: "ENGINE=InnoDB")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sql")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try cluster.load(file, into: name)
        let connection = Connection(settings: settings())
        defer { connection.close() }
        try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
    }

    /// Settings for every node of the cluster (`mysql_server` as a host list).
    func settings(connectTimeout: Int = 2, readTimeout: Int = 30) -> DatabaseSettings {
        DatabaseSettings(
            endpoint: .tcp(cluster.nodes.map { DatabaseSettings.Node(host: "127.0.0.1", port: $0.ports.sql) }),
            user: cluster.user, password: cluster.password, database: name,
            connectTimeout: connectTimeout, readTimeout: readTimeout, writeTimeout: readTimeout)
    }

    /// Settings for the given nodes only, in that order.
    func settings(nodes: [GaleraNode], connectTimeout: Int = 2) -> DatabaseSettings {
        var settings = settings(connectTimeout: connectTimeout)
        settings.endpoint = .tcp(nodes.map { DatabaseSettings.Node(host: "127.0.0.1", port: $0.ports.sql) })
        return settings
    }

    /// Runs SQL as root on `node` (the first synced node by default) in this database, with
    /// causal reads.
    @discardableResult
    func sql(_ text: String, on node: GaleraNode? = nil) throws -> String {
        // Causal: the answer includes every commit made on any node before it.
        var output = try (node ?? cluster.firstSynced()).execute("SET SESSION wsrep_sync_wait = 1;\n" + text, database: name)
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    /// Drops the database.
    func drop() {
        _ = try? cluster.firstSynced().execute("DROP DATABASE IF EXISTS `\(name)`")
    }
}
