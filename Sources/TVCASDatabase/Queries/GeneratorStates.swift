/// Queries on `tvcas_generator_state`: the run lease of decisions.md §3 and the runtime state
/// the panels show.
///
/// The lease is a row per generator with `host` and `lease_until`, taken and renewed by an
/// atomic UPDATE that only matches when the row is free, expired or already ours (on Galera a
/// concurrent taker on another node loses with 1213, which counts as not taken). Times are the
/// database server's clock (`UNIX_TIMESTAMP()`), so hosts need no agreement on time.
public struct GeneratorStates {
    let connection: Connection

    /// Takes or renews the run lease of a generator for `host` for `seconds`; true when `host`
    /// holds it afterwards.
    public func takeLease(_ kind: GeneratorState.Kind, id: UInt32, host: String, seconds: Int = 10) throws(DatabaseError) -> Bool {
        try connection.execute(
            "INSERT IGNORE INTO tvcas_generator_state (kind, generator_id, host, lease_until, updated_at) VALUES (?, ?, '', 0, 0)",
            [kind.rawValue, id])
        do {
            return try connection.execute(
                """
                UPDATE tvcas_generator_state SET host = ?, lease_until = UNIX_TIMESTAMP() + ?, updated_at = UNIX_TIMESTAMP()
                WHERE kind = ? AND generator_id = ? AND (host = ? OR host = '' OR lease_until < UNIX_TIMESTAMP())
                """, [host, seconds, kind.rawValue, id, host]
            ).affectedRows == 1
        } catch  where error.isDeadlock {
            return false
        }
    }

    /// Gives the lease up if `host` holds it (a clean stop or a handover).
    public func releaseLease(_ kind: GeneratorState.Kind, id: UInt32, host: String) throws(DatabaseError) {
        try connection.execute(
            "UPDATE tvcas_generator_state SET host = '', lease_until = 0 WHERE kind = ? AND generator_id = ? AND host = ?",
            [kind.rawValue, id, host])
    }

    /// The state of one generator.
    public func find(_ kind: GeneratorState.Kind, id: UInt32) throws(DatabaseError) -> GeneratorState? {
        try connection.queryFirst(
            "SELECT \(GeneratorState.columns) FROM tvcas_generator_state WHERE kind = ? AND generator_id = ?", [kind.rawValue, id]
        ).map(GeneratorState.init(row:))
    }

    /// Every generator's state.
    public func all() throws(DatabaseError) -> [GeneratorState] {
        try connection.query("SELECT \(GeneratorState.columns) FROM tvcas_generator_state ORDER BY kind, generator_id")
            .map(GeneratorState.init(row:))
    }

    /// Records that `host` started the generator as process `pid`.
    public func recordStart(_ kind: GeneratorState.Kind, id: UInt32, host: String, pid: UInt32) throws(DatabaseError) {
        try connection.execute(
            """
            UPDATE tvcas_generator_state SET pid = ?, started_at = UNIX_TIMESTAMP(), updated_at = UNIX_TIMESTAMP()
            WHERE kind = ? AND generator_id = ? AND host = ?
            """, [pid, kind.rawValue, id, host])
    }

    /// Records how the generator ended; `restarted` counts a restart by the supervisor.
    public func recordExit(
        _ kind: GeneratorState.Kind, id: UInt32, exit: String, error: String?, restarted: Bool
    )
        throws(DatabaseError)
    {
        try connection.execute(
            """
            UPDATE tvcas_generator_state SET last_exit = ?, last_error = COALESCE(?, last_error), pid = NULL,
            restarts = restarts + ?, peers = NULL, updated_at = UNIX_TIMESTAMP() WHERE kind = ? AND generator_id = ?
            """, [String(exit.prefix(255)), error, restarted ? 1 : 0, kind.rawValue, id])
    }

    /// Writes what a running generator reports (at most once a second, decisions.md §3).
    public func report(
        _ kind: GeneratorState.Kind, id: UInt32, peers: String?, cycleSeconds: UInt32?, queueSize: UInt32?
    )
        throws(DatabaseError)
    {
        try connection.execute(
            """
            UPDATE tvcas_generator_state SET peers = ?, cycle_seconds = ?, queue_size = ?, updated_at = UNIX_TIMESTAMP()
            WHERE kind = ? AND generator_id = ?
            """, [peers, cycleSeconds, queueSize, kind.rawValue, id])
    }
}

extension Connection {
    /// Queries on `tvcas_generator_state`.
    public var generatorStates: GeneratorStates { GeneratorStates(connection: self) }
}
