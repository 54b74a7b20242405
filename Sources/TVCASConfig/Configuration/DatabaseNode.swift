/// One database server of `mysql_server` (`db1`, `db2:3307`, `[fd00::5]:3306`).
public struct DatabaseNode: Hashable, Sendable, CustomStringConvertible {
    /// Host name or address (no brackets).
    public var host: String
    /// TCP port (`mysql_port` when the node names none).
    public var port: Int

    /// A node from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`.
    public var description: String { HostPort(host: host, port: port).description }

    /// Parses `mysql_server`: a comma-separated list of `host[:port]`, spaces around commas
    /// allowed; `nil` when the list is empty or a node is malformed.
    static func parseList(_ text: String, defaultPort: Int) -> [DatabaseNode]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard !parts.isEmpty else { return nil }
        var nodes: [DatabaseNode] = []
        for part in parts {
            guard let endpoint = HostPort(parsing: part, defaultPort: defaultPort) else { return nil }
            nodes.append(DatabaseNode(host: endpoint.host, port: endpoint.port))
        }
        return nodes
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
