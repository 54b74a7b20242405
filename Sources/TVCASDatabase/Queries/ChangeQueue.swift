/// Queries on `tvcas_card_changes` and `tvcas_emmg_cursor`: how card changes reach the EMMGs
/// (decisions.md §3).
public struct ChangeQueue {
    let connection: Connection

    /// Queues a change of `serial` made by the write transaction `requestID`; call it inside
    /// that transaction. A second change of the same card in the same transaction adds its
    /// fields to the first.
    public func record(
        serial: UInt32, fields: [String], source: CardChange.Source, requestID: RequestID, at time: UInt32
    )
        throws(DatabaseError)
    {
        try connection.execute(
            """
            INSERT INTO tvcas_card_changes (serial_no, fields, source, changed_at, request_id) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE fields = LEFT(CONCAT_WS(',', fields, VALUES(fields)), 255), changed_at = VALUES(changed_at)
            """, [serial, String(fields.joined(separator: ",").prefix(255)), source.rawValue, time, requestID.value])
    }

    /// Changes with ids above `id`, in id order.
    public func next(after id: UInt64, limit: Int = 1000) throws(DatabaseError) -> [CardChange] {
        try connection.query(
            "SELECT id, serial_no, fields, source, changed_at, request_id FROM tvcas_card_changes WHERE id > ? ORDER BY id LIMIT ?",
            [id, limit]
        ).map(CardChange.init(row:))
    }

    /// Changes above `id` plus every change made at or after `since` (rows become visible in
    /// commit order, not id order: the poll of decisions.md §3 looks back over a window).
    public func poll(after id: UInt64, since: UInt32, limit: Int = 1000) throws(DatabaseError) -> [CardChange] {
        try connection.query(
            """
            SELECT id, serial_no, fields, source, changed_at, request_id FROM tvcas_card_changes
            WHERE id > ? OR changed_at >= ? ORDER BY id LIMIT ?
            """, [id, since, limit]
        ).map(CardChange.init(row:))
    }

    /// The newest change's id, 0 when the queue is empty (a new EMMG's cursor starts here).
    public func newestID() throws(DatabaseError) -> UInt64 {
        try connection.queryFirst("SELECT COALESCE(MAX(id), 0) AS id FROM tvcas_card_changes")?.decode("id") ?? 0
    }

    /// An EMMG's cursor, nil when it has none yet.
    public func cursor(emmgID: UInt32) throws(DatabaseError) -> UInt64? {
        try connection.queryFirst("SELECT last_change_id FROM tvcas_emmg_cursor WHERE emmg_id = ?", [emmgID])?.decode("last_change_id")
    }

    /// Stores an EMMG's cursor (it only moves forward).
    public func moveCursor(emmgID: UInt32, to id: UInt64, at time: UInt32) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO tvcas_emmg_cursor (emmg_id, last_change_id, updated_at) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE last_change_id = GREATEST(last_change_id, VALUES(last_change_id)), updated_at = VALUES(updated_at)
            """, [emmgID, id, time])
    }

    /// Deletes an EMMG's cursor (when the EMMG is deleted).
    public func deleteCursor(emmgID: UInt32) throws(DatabaseError) {
        try connection.execute("DELETE FROM tvcas_emmg_cursor WHERE emmg_id = ?", [emmgID])
    }

    /// Deletes up to `limit` changes older than `before` that every cursor of an enabled EMMG
    /// has passed; returns how many went.
    @discardableResult
    public func prune(before: UInt32, limit: Int = 10_000) throws(DatabaseError) -> UInt64 {
        try connection.execute(
            """
            DELETE FROM tvcas_card_changes WHERE changed_at < ? AND id <= COALESCE((
                SELECT MIN(c.last_change_id) FROM tvcas_emmg_cursor c JOIN tvcas_emmg e ON e.id = c.emmg_id WHERE e.enable = 1
            ), 18446744073709551615) LIMIT ?
            """, [before, limit]
        ).affectedRows
    }
}

extension Connection {
    /// Queries on the change queue.
    public var changeQueue: ChangeQueue { ChangeQueue(connection: self) }
}
