/// Where and how to connect to MariaDB: the `mysql_*` keys of the configuration after the
/// connection rule of decisions.md §6 has been applied.
public struct DatabaseSettings: Sendable, Equatable {
    /// One MariaDB server (a Galera node) reached over TCP.
    public struct Node: Sendable, Equatable, CustomStringConvertible {
        /// Host name or address.
        public var host: String
        /// TCP port.
        public var port: Int

        /// A node at `host:port`.
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        public var description: String { "\(host):\(port)" }
    }

    /// How the client reaches the server.
    public enum Endpoint: Sendable, Equatable, CustomStringConvertible {
        /// A unix socket at this path (`mysql_socket` set).
        case socket(String)
        /// The client library's default unix socket (`mysql_server = "localhost"`).
        case defaultSocket
        /// TCP to the first node that answers and, on Galera, is ready; each process tries the
        /// nodes in an order of its own (the list shuffled once per process).
        case tcp([Node])

        public var description: String {
            switch self {
            case .socket(let path): "unix socket \(path)"
            case .defaultSocket: "the default unix socket"
            case .tcp(let nodes): nodes.map(\.description).joined(separator: ",")
            }
        }
    }

    /// Where the server is.
    public var endpoint: Endpoint
    /// The MariaDB user.
    public var user: String
    /// The user's password (empty for none).
    public var password: String
    /// The database (schema) to use.
    public var database: String
    /// Seconds allowed for connecting to one node (including the handshake).
    public var connectTimeout: Int
    /// Seconds a query may wait for the server's answer before the connection counts as lost
    /// (0: no limit, for long DDL such as a migration of a big table).
    public var readTimeout: Int
    /// Seconds a write to the server may block (0: no limit).
    public var writeTimeout: Int
    /// `wsrep_sync_wait` for every session on a Galera node (decisions.md §9, galera-notes.md §2):
    /// 1 (the default) makes reads wait until the node has applied everything committed anywhere
    /// before them, so a process reads its own writes across connections and nodes; 0 reads
    /// without waiting (possibly stale right after another node's commit). Ignored on a server
    /// that is not a Galera node.
    public var syncWait: Int = 1

    /// Settings with an explicit endpoint.
    public init(
        endpoint: Endpoint,
        user: String,
        password: String = "",
        database: String,
        connectTimeout: Int = 5,
        readTimeout: Int = 30,
        writeTimeout: Int = 30
    ) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
    }
}
