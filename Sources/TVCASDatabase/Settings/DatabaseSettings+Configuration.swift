import TVCASConfig

extension DatabaseSettings {
    /// The connection settings of a loaded configuration's `mysql_*` keys (decisions.md §6).
    public init(_ configured: ConfiguredDatabase, connectTimeout: Int = 5, readTimeout: Int = 30, writeTimeout: Int = 30) {
        let endpoint: Endpoint
        switch configured.connection {
        case .socket(let path): endpoint = .socket(path)
        case .defaultSocket: endpoint = .defaultSocket
        case .tcp(let nodes): endpoint = .tcp(nodes.map { Node(host: $0.host, port: $0.port) })
        }
        self.init(
            endpoint: endpoint, user: configured.user, password: configured.password, database: configured.database,
            connectTimeout: connectTimeout, readTimeout: readTimeout, writeTimeout: writeTimeout)
    }

    /// The connection settings of the configuration file at `path` (loaded and validated).
    public init(configurationFile path: String) throws(ConfigurationError) {
        self.init(try Configuration.load(path: path).configuration.database)
    }
}
