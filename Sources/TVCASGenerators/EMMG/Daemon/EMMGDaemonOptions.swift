import TVCASCore

/// How an EMMG daemon runs, beside its `tvcas_emmg` row.
public struct EMMGDaemonOptions: Sendable {
    /// The row id.
    public var id: UInt32
    /// Where the copy of the row is kept (`state_dir`).
    public var stateDirectory: String
    /// The zone of the Conax dates (`zone`).
    public var zone: ConaxTimeZone
    /// How often the change queue is polled (`[emmg] change_poll_ms`).
    public var changePollMilliseconds: Int
    /// Cards per keyed batch.
    public var batchSize: Int
    /// EMMs kept for re-sending during a database outage.
    public var recentCapacity: Int
    /// The longest wait between two MUX connection attempts, seconds.
    public var maxBackoffSeconds: Double
    /// The floor under the row's `repetition`, seconds: 60 as the original forced; tests lower it
    /// so that a full cycle of a few cards takes seconds.
    public var minimumRepetition: Int
    /// Seconds between two writes of the status columns and the runtime-state row (at least 1).
    public var statusInterval: Double

    /// Options with the defaults.
    public init(
        id: UInt32, stateDirectory: String, zone: ConaxTimeZone, changePollMilliseconds: Int = 200, batchSize: Int = 5000,
        recentCapacity: Int = 100_000, maxBackoffSeconds: Double = 30, statusInterval: Double = 1,
        minimumRepetition: Int = CyclePlan.minimumRepetition
    ) {
        self.minimumRepetition = minimumRepetition
        self.id = id
        self.stateDirectory = stateDirectory
        self.zone = zone
        self.changePollMilliseconds = changePollMilliseconds
        self.batchSize = batchSize
        self.recentCapacity = recentCapacity
        self.maxBackoffSeconds = maxBackoffSeconds
        self.statusInterval = max(1, statusInterval)
    }
}
