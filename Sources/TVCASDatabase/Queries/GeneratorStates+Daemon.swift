/// The writes a running generator daemon makes to its own `tvcas_generator_state` row; it
/// creates the row when no supervisor did (a daemon started by hand).
extension GeneratorStates {
    /// Writes `peers` (and the EMMG's cycle and queue), creating the row when missing; the
    /// supervisor's columns are left alone.
    public func reportRunning(
        _ kind: GeneratorState.Kind, id: UInt32, peers: String?, cycleSeconds: UInt32? = nil, queueSize: UInt32? = nil
    ) throws(DatabaseError) {
        try connection.execute(
            "INSERT IGNORE INTO tvcas_generator_state (kind, generator_id, host, lease_until, updated_at) VALUES (?, ?, '', 0, 0)",
            [kind.rawValue, id])
        try report(kind, id: id, peers: peers, cycleSeconds: cycleSeconds, queueSize: queueSize)
    }

    /// Sets (or clears, with `nil`) the generator's `last_error`.
    public func recordError(_ kind: GeneratorState.Kind, id: UInt32, message: String?) throws(DatabaseError) {
        try connection.execute(
            "UPDATE tvcas_generator_state SET last_error = ?, updated_at = UNIX_TIMESTAMP() WHERE kind = ? AND generator_id = ?",
            [message, kind.rawValue, id])
    }

    /// Writes the daemon's part of its row (``GeneratorRuntimeState``), creating the row when no
    /// supervisor did; the supervisor's columns (`host`, `lease_until`, `restarts`, `last_exit`)
    /// are left alone.
    public func writeRuntimeState(_ kind: GeneratorState.Kind, id: UInt32, _ state: GeneratorRuntimeState) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO tvcas_generator_state
            (kind, generator_id, pid, started_at, last_error, peers, cycle_seconds, queue_size, skipped_cards, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE pid = VALUES(pid), started_at = VALUES(started_at), last_error = VALUES(last_error),
            peers = VALUES(peers), cycle_seconds = VALUES(cycle_seconds), queue_size = VALUES(queue_size),
            skipped_cards = VALUES(skipped_cards), updated_at = VALUES(updated_at)
            """,
            [
                kind.rawValue, id, state.pid, state.startedAt, state.lastError, state.peers, state.cycleSeconds, state.queueSize,
                state.skippedCards, state.updatedAt,
            ])
    }

    /// The daemon's part of its row, if written.
    public func runtimeState(_ kind: GeneratorState.Kind, id: UInt32) throws(DatabaseError) -> GeneratorRuntimeState? {
        guard
            let row = try connection.queryFirst(
                """
                SELECT pid, started_at, last_error, peers, cycle_seconds, queue_size, skipped_cards, updated_at
                FROM tvcas_generator_state WHERE kind = ? AND generator_id = ?
                """,
                [kind.rawValue, id])
        else { return nil }
        return GeneratorRuntimeState(
            pid: try row.decode("pid"), startedAt: try row.decode("started_at"), lastError: try row.decode("last_error"),
            peers: try row.decode("peers"), cycleSeconds: try row.decode("cycle_seconds"), queueSize: try row.decode("queue_size"),
            skippedCards: try row.decode("skipped_cards"), updatedAt: try row.decode("updated_at"))
    }
}
