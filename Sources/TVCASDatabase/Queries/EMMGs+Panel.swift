/// What the panels change in `tvcas_emmg` (panels.md §5, decisions.md §3): the settings an admin
/// edits, the on/off switch the supervisor acts on, and the reload request the daemon applies.
extension EMMGs {
    /// The row with the highest id (the add form starts from it), nil when there is none.
    public func highest() throws(DatabaseError) -> EMMGRow? {
        try connection.queryFirst("SELECT \(EMMGRow.columns) FROM tvcas_emmg ORDER BY id DESC LIMIT 1").map(EMMGRow.init(row:))
    }

    /// Every row in the original list's order (`ORDER BY c_time`, then id).
    public func listed() throws(DatabaseError) -> [EMMGRow] {
        try connection.query("SELECT \(EMMGRow.columns) FROM tvcas_emmg ORDER BY c_time, id").map(EMMGRow.init(row:))
    }

    /// Writes the settings the panel edits (`info`, `host`, `port`, `client_id`, `timeout`,
    /// `run_on`), sets `m_time` and increments `version`, so the running daemon applies them;
    /// false when the row is gone.
    @discardableResult
    public func updateSettings(_ row: EMMGRow, at time: UInt32) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE tvcas_emmg SET info = ?, host = ?, port = ?, client_id = ?, timeout = ?, run_on = ?, m_time = ?, version = version + 1
            WHERE id = ?
            """, [row.info, row.host, row.port, row.clientID, row.timeout, row.runOn, time, row.id]
        ).affectedRows == 1
    }

    /// Sets `enable` (the supervisor starts or stops the generator).
    public func setEnable(id: UInt32, _ enable: Bool) throws(DatabaseError) {
        try connection.execute("UPDATE tvcas_emmg SET enable = ? WHERE id = ?", [enable ? 1 : 0, id])
    }

    /// Sets `reload = 1` (the running daemon starts a new card cycle and clears the flag).
    public func requestReload(id: UInt32) throws(DatabaseError) {
        try connection.execute("UPDATE tvcas_emmg SET reload = 1 WHERE id = ?", [id])
    }

    /// Deletes the row; false when it was already gone. The caller deletes its cursor in the
    /// same transaction (``ChangeQueue/deleteCursor(emmgID:)``).
    @discardableResult
    public func delete(id: UInt32) throws(DatabaseError) -> Bool {
        try connection.execute("DELETE FROM tvcas_emmg WHERE id = ?", [id]).affectedRows == 1
    }
}
