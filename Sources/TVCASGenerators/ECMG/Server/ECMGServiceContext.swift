import Foundation
import Logging
import Synchronization

/// What every connection of one ECMG shares: the row settings in force, the peer table, the CW
/// log buffer, metrics, the logger, and the clock and filler the ECMs are made with.
public final class ECMGServiceContext: Sendable {
    /// The generator's id (ECMG_<id>).
    public let ecmgID: UInt32
    /// The configured `ident`, compared with super_CAS_id.
    public let ident: UInt16
    /// The connections, for `peers` and `sock`.
    public let peers: ECMGPeerRegistry
    /// CW log records waiting for the database.
    public let cwLog: CWLogBuffer
    /// Metrics.
    public let metrics: ECMGMetrics
    /// The daemon's logger.
    public let logger: Logger
    /// The ECM time: Unix seconds.
    public let clock: @Sendable () -> UInt32
    /// The ECM filler bytes.
    public let filler: ECMFiller
    private let current: Mutex<ECMGRowSettings>

    /// A context starting with `settings`.
    public init(
        settings: ECMGRowSettings, ident: UInt16, logger: Logger, metrics: ECMGMetrics = ECMGMetrics(),
        peers: ECMGPeerRegistry = ECMGPeerRegistry(), cwLog: CWLogBuffer = CWLogBuffer(),
        clock: @escaping @Sendable () -> UInt32 = ECMGServiceContext.systemClock, filler: ECMFiller = .system
    ) {
        ecmgID = settings.id
        self.ident = ident
        self.peers = peers
        self.cwLog = cwLog
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        self.filler = filler
        current = Mutex(settings)
    }

    /// The settings a new channel gets.
    public var settings: ECMGRowSettings {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// Unix seconds from the system clock.
    public static let systemClock: @Sendable () -> UInt32 = { UInt32(truncatingIfNeeded: time(nil)) }
}
