/// What the panels change in `tvcas_ecmg` (panels.md §4, decisions.md §3): the settings an admin
/// edits (the switches both kinds share are in ``GeneratorSwitches``).
extension ECMGs {
    /// The row with the highest id (the add form starts from it), nil when there is none.
    public func highest() throws(DatabaseError) -> ECMGRow? {
        try connection.queryFirst("SELECT \(ECMGRow.columns) FROM tvcas_ecmg ORDER BY id DESC LIMIT 1").map(ECMGRow.init(row:))
    }

    /// Every row in the original list's order (`ORDER BY c_time`, then id).
    public func listed() throws(DatabaseError) -> [ECMGRow] {
        try connection.query("SELECT \(ECMGRow.columns) FROM tvcas_ecmg ORDER BY c_time, id").map(ECMGRow.init(row:))
    }

    /// The ids and `run_on` of the other rows listening on `port` (all rows when `excluding` is nil).
    public func portUsers(_ port: UInt16, excluding id: UInt32?) throws(DatabaseError) -> [(id: UInt32, runOn: String)] {
        try connection.query("SELECT id, run_on FROM tvcas_ecmg WHERE port = ? AND id <> ? ORDER BY id", [port, id ?? 0])
            .map { row throws(DatabaseError) in (try row.decode("id"), try row.decode("run_on", as: String?.self) ?? "") }
    }

    /// Every port in use.
    public func ports() throws(DatabaseError) -> Set<UInt16> {
        Set(try connection.query("SELECT DISTINCT port FROM tvcas_ecmg").map { row throws(DatabaseError) in try row.decode("port") })
    }

    /// Writes the settings the panel edits (`info`, `port`, `timeout`, `run_on`), sets `m_time`
    /// and increments `version`, so the running daemon applies them; false when the row is gone.
    @discardableResult
    public func updateSettings(_ row: ECMGRow, at time: UInt32) throws(DatabaseError) -> Bool {
        try connection.execute(
            "UPDATE tvcas_ecmg SET info = ?, port = ?, timeout = ?, run_on = ?, m_time = ?, version = version + 1 WHERE id = ?",
            [row.info, row.port, row.timeout, row.runOn, time, row.id]
        ).affectedRows == 1
    }
}
