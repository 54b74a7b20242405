/// The `mysql_*` keys: which database to use and how to reach it.
public struct ConfiguredDatabase: Hashable, Sendable {
    /// `mysql_server` as written (`localhost`, `db1,db2:3307`).
    public var server: String
    /// `mysql_server` parsed into nodes, each with its port (`mysql_port` when it names none).
    public var nodes: [DatabaseNode]
    /// `mysql_port`: the port of nodes that name none.
    public var port: Int
    /// `mysql_user`.
    public var user: String
    /// `mysql_pass`.
    public var password: String
    /// `mysql_base`: the database name.
    public var database: String
    /// `mysql_socket`, or `nil` when not set (empty).
    public var socket: String?

    /// Settings from their parts; `nodes` is parsed from `server`, and falls back to
    /// `localhost` on `port` when `server` cannot be parsed (the loader rejects such a value).
    public init(
        server: String = "localhost", port: Int = 3306, user: String = "tvcas", password: String = "",
        database: String = "tvcas", socket: String? = nil
    ) {
        self.server = server
        self.port = port
        self.nodes = DatabaseNode.parseList(server, defaultPort: port) ?? [DatabaseNode(host: "localhost", port: port)]
        self.user = user
        self.password = password
        self.database = database
        self.socket = socket
    }

    /// How to connect: `mysql_socket` when set; else the default socket when `mysql_server` is
    /// exactly `localhost`; else TCP to ``nodes``.
    public var connection: DatabaseConnection {
        if let socket, !socket.isEmpty { return .socket(path: socket) }
        if server.trimmingWhitespace() == "localhost" { return .defaultSocket }
        return .tcp(nodes)
    }
}
