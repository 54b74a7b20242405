/// The daemon's part of a `tvcas_generator_state` row.
public struct GeneratorRuntimeState: Sendable, Equatable {
    /// `pid`.
    public var pid: UInt32?
    /// `started_at`.
    public var startedAt: UInt32?
    /// `last_error`: the last problem.
    public var lastError: String?
    /// `peers`: JSON.
    public var peers: String?
    /// `cycle_seconds`: the real time of the last full cycle.
    public var cycleSeconds: UInt32?
    /// `queue_size`.
    public var queueSize: UInt32?
    /// `skipped_cards`: the card rows skipped in the last cycle, as `serial reason` joined by `, `.
    public var skippedCards: String?
    /// `updated_at`.
    public var updatedAt: UInt32

    /// A state from its values.
    public init(
        pid: UInt32?, startedAt: UInt32?, lastError: String?, peers: String?, cycleSeconds: UInt32?, queueSize: UInt32?,
        skippedCards: String? = nil, updatedAt: UInt32
    ) {
        self.pid = pid
        self.startedAt = startedAt
        self.lastError = lastError
        self.peers = peers
        self.cycleSeconds = cycleSeconds
        self.queueSize = queueSize
        self.skippedCards = skippedCards
        self.updatedAt = updatedAt
    }
}
