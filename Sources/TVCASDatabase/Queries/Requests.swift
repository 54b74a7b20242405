/// Queries on `tvcas_requests`, the ids of committed write transactions.
public struct Requests {
    let connection: Connection

    /// Whether a transaction with this id has committed.
    public func contains(_ id: RequestID) throws(DatabaseError) -> Bool {
        try connection.queryFirst("SELECT 1 AS x FROM tvcas_requests WHERE request_id = ?", [id.value]) != nil
    }

    /// Deletes up to `limit` ids recorded before `time` (a day old: decisions.md §8).
    @discardableResult
    public func prune(before time: UInt32, limit: Int = 10_000) throws(DatabaseError) -> UInt64 {
        try connection.execute("DELETE FROM tvcas_requests WHERE done_at < ? LIMIT ?", [time, limit]).affectedRows
    }
}

extension Connection {
    /// Queries on `tvcas_requests`.
    public var requests: Requests { Requests(connection: self) }
}
