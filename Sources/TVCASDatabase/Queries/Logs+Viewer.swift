/// The admin's log viewer (panels.md §6, issue 13): filtered pages newest first with keyset
/// pagination, and clearing the log.
extension Logs {
    /// Up to `limit` rows matching `filter` with ids below `before` (nil: from the newest), newest first.
    public func page(_ filter: LogFilter, before: UInt32?, limit: Int) throws(DatabaseError) -> [LogEntry] {
        var (conditions, values) = filter.conditions
        if let before {
            conditions.append("id < ?")
            values.append(before)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        values.append(limit)
        return try connection.query(
            "SELECT id, msg, type, user, time, ip FROM tvcas_logs \(whereClause) ORDER BY id DESC LIMIT ?", values
        ).map(LogEntry.init(row:))
    }

    /// How many rows match `filter`.
    public func count(_ filter: LogFilter) throws(DatabaseError) -> Int {
        let (conditions, values) = filter.conditions
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try connection.queryFirst("SELECT COUNT(*) AS n FROM tvcas_logs \(whereClause)", values)?.decode("n") ?? 0
    }

    /// Deletes every row (inside a transaction, unlike the original's TRUNCATE, so the caller's
    /// own log row commits with it); returns how many went.
    @discardableResult
    public func clear() throws(DatabaseError) -> UInt64 {
        try connection.execute("DELETE FROM tvcas_logs").affectedRows
    }
}
