import TVCASConfig
import TVCASDatabase

extension DatabaseSettings {
    /// Connection settings for a generator daemon from the configuration's `mysql_*` keys, with
    /// short timeouts: a daemon must notice an unreachable database quickly and carry on.
    public static func forGenerator(_ database: ConfiguredDatabase) -> DatabaseSettings {
        let endpoint: Endpoint
        switch database.connection {
        case .socket(let path): endpoint = .socket(path)
        case .defaultSocket: endpoint = .defaultSocket
        case .tcp(let nodes): endpoint = .tcp(nodes.map { Node(host: $0.host, port: $0.port) })
        }
        return DatabaseSettings(
            endpoint: endpoint, user: database.user, password: database.password, database: database.database, connectTimeout: 2,
            readTimeout: 10, writeTimeout: 10)
    }
}
