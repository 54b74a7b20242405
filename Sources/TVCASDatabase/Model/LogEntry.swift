/// One row of `tvcas_logs`, the system and audit log.
public struct LogEntry: Sendable, Equatable {
    /// `id`.
    public var id: UInt32
    /// `msg`: the message (at most 250 characters).
    public var message: String
    /// `type`: 0 = normal, 1 = important (shown in red).
    public var type: Int32
    /// `user`: `admin`, `oper`, `API`, `cron` (at most 5 characters).
    public var user: String
    /// `time`: unix time (signed in the original schema).
    public var time: Int32
    /// `ip`: the client's address (IPv4 or IPv6, at most 45 characters).
    public var ip: String

    /// An entry; `id` 0 for one not yet stored.
    public init(id: UInt32 = 0, message: String, type: Int32 = 0, user: String, time: Int32, ip: String) {
        self.id = id
        self.message = message
        self.type = type
        self.user = user
        self.time = time
        self.ip = ip
    }

    init(row: Row) throws(DatabaseError) {
        self.init(
            id: try row.decode("id"), message: try row.decode("msg"), type: try row.decode("type"), user: try row.decode("user"),
            time: try row.decode("time"), ip: try row.decode("ip"))
    }
}
