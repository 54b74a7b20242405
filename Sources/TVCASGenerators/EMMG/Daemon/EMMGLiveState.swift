import Synchronization
import TVCASDatabase

/// What the EMMG's tasks share: the change queue's waiting cards, the MUX's allocation, the
/// counters for the status columns, and the requests (shutdown, reload, new settings).
public final class EMMGLiveState: Sendable {
    /// The values behind the lock.
    public struct Values: Sendable {
        /// Changed cards waiting to go ahead of the cycle, oldest first.
        public var urgent: [EMMCardRow] = []
        /// The bandwidth allocated by the MUX, kbit/s (nil: none yet; pace to the requested).
        public var allocatedBandwidth: UInt16?
        /// The original's status columns.
        public var status = EMMGStatusColumns()
        /// EMMs left in the current cycle.
        public var cycleRemaining = 0
        /// Seconds the last full cycle really took.
        public var lastCycleSeconds: Double?
        /// Card rows skipped in the last cycle, as `serial reason`, at most 100.
        public var invalidRows: [String] = []
        /// The last connection or database problem.
        public var lastError: String?
        /// The MUX peer, `host:port`, while connected.
        public var peer: String?
        /// The connection counter (the `sock` of `peers`).
        public var connectionNumber = 0
        /// SIGTERM/SIGINT arrived: close the stream and channel, then stop.
        public var shutdownRequested = false
        /// The row's `reload` was set: start the cycle over with fresh cards.
        public var reloadRequested = false
        /// The row's settings changed so that the MUX connection must be made again.
        public var reconnectRequested = false
        /// The settings in force.
        public var settings: EMMGSettingsRow

        init(settings: EMMGSettingsRow) { self.settings = settings }
    }

    private let values: Mutex<Values>

    /// State for a daemon starting with `settings`.
    public init(settings: EMMGSettingsRow) { values = Mutex(Values(settings: settings)) }

    /// Reads or changes the values under the lock.
    public func withValues<T: Sendable>(_ body: (inout Values) -> T) -> T { values.withLock { body(&$0) } }

    /// A copy of the values.
    public var snapshot: Values { values.withLock { $0 } }

    /// Asks the daemon to stop cleanly.
    public func requestShutdown() { withValues { $0.shutdownRequested = true } }
}
