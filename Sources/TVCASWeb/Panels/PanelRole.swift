/// Which panel a request is for: the admin panel at `/cas/` or the operator panel at `/`.
public enum PanelRole: String, Sendable, CaseIterable {
    /// The admin panel (`/cas/`, Basic user `admin`).
    case admin
    /// The operator panel (`/`, Basic user `oper`).
    case oper

    /// The panel a request path belongs to; nil for other paths.
    public init?(path: String) {
        switch path {
        case "/cas", "/cas/", "/cas/index.php": self = .admin
        case "/", "/index.php": self = .oper
        default: return nil
        }
    }

    /// The paths the router mounts for this panel.
    public var paths: [String] { self == .admin ? ["/cas", "/cas/", "/cas/index.php"] : ["/", "/index.php"] }

    /// The panel's URL, with a trailing slash: links are `<base>?op=…`.
    public var basePath: String { self == .admin ? "/cas/" : "/" }

    /// The path the session cookie is limited to.
    var cookiePath: String { self == .admin ? "/cas" : "/" }

    /// The session cookie's name (one per panel, so a browser may hold both).
    var cookieName: String { "tvcas_\(rawValue)" }

    /// The navbar's brand.
    var brand: String { self == .admin ? "Admin Panel" : "Oper Panel" }

    /// The Basic user name (also the `user` of log rows).
    var userName: String { rawValue }
}
