/// Where the responder listens: `"127.0.0.1:9000"` or `"unix:/path/to/socket"` (config `[web] listen`).
public enum FastCGIListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// A TCP address.
    case tcp(host: String, port: Int)
    /// A unix-domain socket path.
    case unix(path: String)

    /// Reads the config's form.
    public init(_ text: String) throws(FastCGIServerError) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard path.hasPrefix("/") else { throw .invalidListenAddress(text) }
            self = .unix(path: path)
            return
        }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            throw .invalidListenAddress(text)
        }
        self = .tcp(host: String(text[..<colon]), port: port)
    }

    /// The form `FCGX_OpenSocket` takes (`host:port` or a path).
    var libfcgiPath: String {
        switch self {
        case .tcp(let host, let port): return "\(host):\(port)"
        case .unix(let path): return path
        }
    }

    /// The address as nginx's `fastcgi_pass` takes it.
    public var description: String {
        switch self {
        case .tcp(let host, let port): return "\(host):\(port)"
        case .unix(let path): return "unix:\(path)"
        }
    }
}
