/// Queries on `tvcas_logs`, the system and audit log.
public struct Logs {
    let connection: Connection

    /// Appends an entry and returns its id. A bare insert: outside a transaction it is not
    /// retried when the connection is lost (decisions.md §9).
    @discardableResult
    public func append(_ entry: LogEntry) throws(DatabaseError) -> UInt32 {
        let result = try connection.execute(
            "INSERT INTO tvcas_logs (msg, type, user, time, ip) VALUES (?, ?, ?, ?, ?)",
            [String(entry.message.prefix(250)), entry.type, String(entry.user.prefix(5)), entry.time, String(entry.ip.prefix(45))])
        return UInt32(result.lastInsertID)
    }

    /// The newest entries first; only important ones (`type` 1) when `importantOnly`.
    public func recent(limit: Int = 100, offset: Int = 0, importantOnly: Bool = false) throws(DatabaseError) -> [LogEntry] {
        let filter = importantOnly ? "WHERE type = 1" : ""
        return try connection.query(
            "SELECT id, msg, type, user, time, ip FROM tvcas_logs \(filter) ORDER BY id DESC LIMIT ? OFFSET ?", [limit, offset]
        ).map(LogEntry.init(row:))
    }

    /// How many entries there are.
    public func count() throws(DatabaseError) -> Int {
        try connection.queryFirst("SELECT COUNT(*) AS n FROM tvcas_logs")?.decode("n") ?? 0
    }

    /// Deletes up to `limit` entries older than `time`; returns how many went.
    @discardableResult
    public func deleteOlder(than time: Int32, limit: Int = 10_000) throws(DatabaseError) -> UInt64 {
        try connection.execute("DELETE FROM tvcas_logs WHERE time < ? LIMIT ?", [time, limit]).affectedRows
    }
}

extension Connection {
    /// Queries on `tvcas_logs`.
    public var logs: Logs { Logs(connection: self) }
}
