/// One row of `tvcas_generator_state`: a generator's runtime state and the run lease of the
/// supervisor that runs it (decisions.md §3, §8).
public struct GeneratorState: Sendable, Equatable {
    /// Which kind of generator.
    public enum Kind: String, Sendable {
        /// An ECMG (`tvcas_ecmg` row).
        case ecmg
        /// An EMMG (`tvcas_emmg` row).
        case emmg
    }

    /// `kind`.
    public var kind: Kind
    /// `generator_id`: the id of its `tvcas_ecmg` or `tvcas_emmg` row.
    public var generatorID: UInt32
    /// `host`: the supervisor holding the run lease ('' = none).
    public var host: String
    /// `lease_until`: unix time the lease runs out.
    public var leaseUntil: UInt32
    /// `pid`: the daemon's process id.
    public var pid: UInt32?
    /// `started_at`: unix time it was started.
    public var startedAt: UInt32?
    /// `restarts`: restarts by the supervisor.
    public var restarts: UInt32
    /// `last_exit`: how it last ended.
    public var lastExit: String?
    /// `last_error`: its last error message.
    public var lastError: String?
    /// `peers`: connected peers as JSON.
    public var peers: String?
    /// `cycle_seconds`: an EMMG's last full cycle.
    public var cycleSeconds: UInt32?
    /// `queue_size`: an EMMG's pending datagrams.
    public var queueSize: UInt32?
    /// `skipped_cards`: the card rows an EMMG skipped in its last cycle (`serial reason`, joined by `, `).
    public var skippedCards: String?
    /// `updated_at`: unix time of the last write.
    public var updatedAt: UInt32

    init(row: Row) throws(DatabaseError) {
        let kindText: String = try row.decode("kind")
        guard let kind = Kind(rawValue: kindText) else {
            throw .typeMismatch(column: "kind", expected: "ecmg or emmg", found: kindText)
        }
        self.kind = kind
        generatorID = try row.decode("generator_id")
        host = try row.decode("host")
        leaseUntil = try row.decode("lease_until")
        pid = try row.decode("pid")
        startedAt = try row.decode("started_at")
        restarts = try row.decode("restarts")
        lastExit = try row.decode("last_exit")
        lastError = try row.decode("last_error")
        peers = try row.decode("peers")
        cycleSeconds = try row.decode("cycle_seconds")
        queueSize = try row.decode("queue_size")
        skippedCards = try row.decode("skipped_cards")
        updatedAt = try row.decode("updated_at")
    }

    static let columns =
        "kind, generator_id, host, lease_until, pid, started_at, restarts, last_exit, last_error, peers, cycle_seconds, queue_size, skipped_cards, updated_at"
}
