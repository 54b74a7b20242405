import Foundation

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
        /// TCP to the first node that answers, tried in the order given.
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
    /// Seconds a query may wait for the server's answer before the connection counts as lost.
    public var readTimeout: Int
    /// Seconds a write to the server may block.
    public var writeTimeout: Int

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

    /// Settings from the configuration's keys, by the connection rule of decisions.md §6:
    /// `socket` set → that socket; otherwise `server` = `localhost` → the default socket;
    /// otherwise TCP to each `host[:port]` of the comma list in `server`, the port defaulting
    /// to `port`.
    public init(
        server: String,
        port: Int = 3306,
        socket: String = "",
        user: String,
        password: String = "",
        database: String
    ) throws(DatabaseSettingsError) {
        let endpoint: Endpoint
        let trimmedServer = server.trimmingCharacters(in: .whitespaces)
        if !socket.isEmpty {
            endpoint = .socket(socket)
        } else if trimmedServer.isEmpty || trimmedServer == "localhost" {
            endpoint = .defaultSocket
        } else {
            endpoint = .tcp(try Self.parseNodes(trimmedServer, defaultPort: port))
        }
        self.init(endpoint: endpoint, user: user, password: password, database: database)
    }

    /// Parses `"db1,db2:3307,db3"` into nodes.
    static func parseNodes(_ list: String, defaultPort: Int) throws(DatabaseSettingsError) -> [Node] {
        var nodes: [Node] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { throw .badServerList(list) }
            if let colon = item.lastIndex(of: ":") {
                let host = String(item[..<colon])
                guard let port = Int(item[item.index(after: colon)...]), (1...65535).contains(port), !host.isEmpty else {
                    throw .badNode(item)
                }
                nodes.append(Node(host: host, port: port))
            } else {
                nodes.append(Node(host: item, port: defaultPort))
            }
        }
        if nodes.isEmpty { throw .badServerList(list) }
        return nodes
    }
}

/// Why `mysql_server` and friends could not be turned into connection settings.
public enum DatabaseSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `mysql_server` is not a comma list of `host[:port]` entries.
    case badServerList(String)
    /// One entry of `mysql_server` has a port that is not a number from 1 to 65535.
    case badNode(String)
    /// The configuration file could not be read or is not valid TOML.
    case unreadableConfig(path: String, reason: String)
    /// A configuration key has the wrong type.
    case badKey(String, expected: String)

    public var description: String {
        switch self {
        case .badServerList(let list): "mysql_server \"\(list)\" is not a comma list of host[:port]"
        case .badNode(let node): "mysql_server entry \"\(node)\" has no valid port"
        case .unreadableConfig(let path, let reason): "cannot read configuration \(path): \(reason)"
        case .badKey(let key, let expected): "configuration key \(key) must be \(expected)"
        }
    }
}
