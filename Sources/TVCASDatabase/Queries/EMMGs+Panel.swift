/// What the panels change in `tvcas_emmg` (panels.md §5, decisions.md §3): the settings an admin
/// edits (the switches both kinds share are in ``GeneratorSwitches``).
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
}
