/// One row of `tvcas_sessions`: a browser logged in to a panel by the login form.
public struct PanelSession: Sendable, Equatable {
    /// `id`: the cookie value, random.
    public var id: String
    /// `role`: `admin` or `oper`.
    public var role: String
    /// `csrf_token`: the token every state-changing form of this session carries.
    public var csrfToken: String
    /// `ip`: the address that logged in.
    public var ip: String
    /// `created_at`: unix time of the login.
    public var createdAt: UInt32
    /// `last_seen_at`: unix time of the last request.
    public var lastSeenAt: UInt32

    /// A session with every column given.
    public init(id: String, role: String, csrfToken: String, ip: String, createdAt: UInt32, lastSeenAt: UInt32) {
        self.id = id
        self.role = role
        self.csrfToken = csrfToken
        self.ip = ip
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }

    init(row: Row) throws(DatabaseError) {
        self.init(
            id: try row.decode("id"), role: try row.decode("role"), csrfToken: try row.decode("csrf_token"),
            ip: try row.decode("ip"), createdAt: try row.decode("created_at"), lastSeenAt: try row.decode("last_seen_at"))
    }
}
