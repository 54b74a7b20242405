/// Queries on `tvcas_sessions`: the panels' login sessions (decisions.md §5).
public struct PanelSessions {
    let connection: Connection

    /// Stores a new session.
    public func create(_ session: PanelSession) throws(DatabaseError) {
        try connection.execute(
            "INSERT INTO tvcas_sessions (id, role, csrf_token, ip, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            [session.id, session.role, session.csrfToken, String(session.ip.prefix(45)), session.createdAt, session.lastSeenAt])
    }

    /// The session with this id when it was seen at or after `seenSince` (older ones have idled out).
    public func find(id: String, seenSince: UInt32) throws(DatabaseError) -> PanelSession? {
        try connection.queryFirst(
            "SELECT id, role, csrf_token, ip, created_at, last_seen_at FROM tvcas_sessions WHERE id = ? AND last_seen_at >= ?",
            [id, seenSince]
        ).map(PanelSession.init(row:))
    }

    /// Marks the session as seen at `time`.
    public func touch(id: String, at time: UInt32) throws(DatabaseError) {
        try connection.execute("UPDATE tvcas_sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", [time, id, time])
    }

    /// Ends a session (logout).
    public func delete(id: String) throws(DatabaseError) {
        try connection.execute("DELETE FROM tvcas_sessions WHERE id = ?", [id])
    }

    /// Deletes up to `limit` sessions last seen before `time`; returns how many went.
    @discardableResult
    public func deleteIdle(before time: UInt32, limit: Int = 1000) throws(DatabaseError) -> UInt64 {
        try connection.execute("DELETE FROM tvcas_sessions WHERE last_seen_at < ? LIMIT ?", [time, limit]).affectedRows
    }
}

extension Connection {
    /// Queries on `tvcas_sessions`.
    public var panelSessions: PanelSessions { PanelSessions(connection: self) }
}
