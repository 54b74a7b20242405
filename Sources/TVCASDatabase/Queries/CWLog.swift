/// Queries on `tvcas_ecmg_log`, the ECMGs' control-word log.
public struct CWLog {
    let connection: Connection

    /// Appends entries in one multi-row INSERT.
    public func append(_ entries: [CWLogEntry]) throws(DatabaseError) {
        guard !entries.isEmpty else { return }
        let tuples = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: entries.count).joined(separator: ", ")
        let values = entries.flatMap { entry -> [SQLValue] in
            [entry.accessCriteria.sqlValue, entry.cw1.sqlValue, entry.cw2.sqlValue, entry.sock.sqlValue, entry.ecmgID.sqlValue, entry.time.sqlValue]
        }
        try connection.execute("INSERT INTO tvcas_ecmg_log (access_criteria, cw1, cw2, sock, ecmg_id, time) VALUES \(tuples)", values)
    }

    /// The newest entries of one generator's peer socket.
    public func recent(ecmgID: UInt32, sock: UInt32, limit: Int = 100) throws(DatabaseError) -> [CWLogEntry] {
        try connection.query(
            """
            SELECT id, access_criteria, cw1, cw2, sock, ecmg_id, time FROM tvcas_ecmg_log
            WHERE ecmg_id = ? AND sock = ? ORDER BY id DESC LIMIT ?
            """, [ecmgID, sock, limit]
        ).map(CWLogEntry.init(row:))
    }

    /// Deletes up to `limit` entries older than `time`; returns how many went.
    @discardableResult
    public func deleteOlder(than time: UInt32, limit: Int = 10_000) throws(DatabaseError) -> UInt64 {
        try connection.execute("DELETE FROM tvcas_ecmg_log WHERE time < ? LIMIT ?", [time, limit]).affectedRows
    }
}

extension Connection {
    /// Queries on `tvcas_ecmg_log`.
    public var cwLog: CWLog { CWLog(connection: self) }
}
