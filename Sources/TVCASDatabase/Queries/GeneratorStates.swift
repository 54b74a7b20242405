/// Queries on `tvcas_generator_state` (decisions.md §8): the runtime state the panels show.
/// The daemons write their own columns here; the supervisor writes the lease and exit columns.
public struct GeneratorStates {
    let connection: Connection

    /// Writes a generator's `peers`, `pid`, `started_at` and `updated_at`, creating its row when
    /// missing; the supervisor's columns (`host`, `lease_until`, `restarts`, `last_exit`) are left alone.
    public func recordRuntime(
        kind: String, generatorID: UInt32, pid: UInt32, startedAt: UInt32, peers: String?, now: UInt32
    )
        throws(DatabaseError)
    {
        try connection.execute(
            """
            INSERT INTO tvcas_generator_state (kind, generator_id, pid, started_at, peers, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE pid = VALUES(pid), started_at = VALUES(started_at), peers = VALUES(peers), updated_at = VALUES(updated_at)
            """, [kind, generatorID, pid, startedAt, peers, now])
    }

    /// Sets (or clears, with `nil`) a generator's `last_error`.
    public func recordError(kind: String, generatorID: UInt32, message: String?, now: UInt32) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO tvcas_generator_state (kind, generator_id, last_error, updated_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE last_error = VALUES(last_error), updated_at = VALUES(updated_at)
            """, [kind, generatorID, message, now])
    }

    /// `peers` and `updated_at` of one generator, when it has a row.
    public func runtime(kind: String, generatorID: UInt32) throws(DatabaseError) -> (peers: String?, updatedAt: UInt32, lastError: String?)? {
        guard
            let row = try connection.queryFirst(
                "SELECT peers, updated_at, last_error FROM tvcas_generator_state WHERE kind = ? AND generator_id = ?", [kind, generatorID])
        else { return nil }
        return (try row.decode("peers"), try row.decode("updated_at"), try row.decode("last_error"))
    }
}

extension Connection {
    /// Queries on `tvcas_generator_state`.
    public var generatorStates: GeneratorStates { GeneratorStates(connection: self) }
}
