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
}
