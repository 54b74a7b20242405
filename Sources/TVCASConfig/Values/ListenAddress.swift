/// Where a server listens: a TCP endpoint (`host:port`) or a unix socket (`unix:/path`).
public enum ListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// A TCP endpoint.
    case tcp(HostPort)
    /// A unix-domain socket at an absolute path.
    case unix(path: String)

    /// Parses `host:port`, `[v6]:port` or `unix:/absolute/path`; `nil` for anything else.
    public init?(parsing text: String) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard path.hasPrefix("/"), path.count > 1, !path.contains("\0"), path.utf8.count < 108 else { return nil }
            self = .unix(path: path)
        } else if let endpoint = HostPort(parsing: text) {
            self = .tcp(endpoint)
        } else {
            return nil
        }
    }

    /// The address as written in the configuration (`127.0.0.1:9000`, `unix:/run/tvcas.sock`).
    public var description: String {
        switch self {
        case .tcp(let endpoint): endpoint.description
        case .unix(let path): "unix:\(path)"
        }
    }
}
