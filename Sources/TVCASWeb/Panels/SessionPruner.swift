import Logging
import Synchronization
import TVCASDatabase

/// Deletes idle-expired login sessions now and then (at most once a minute per `tvcas web`
/// process, on whichever request comes first), so `tvcas_sessions` does not grow with
/// sessions nobody logged out of.
final class SessionPruner: Sendable {
    private let lastRun = Mutex<UInt32>(0)
    /// Seconds between two prunings.
    static let interval: UInt32 = 60
    /// The most sessions one pruning deletes (the next one takes the rest).
    static let batch = 1000

    /// Whether a pruning is due at `now`; claims it when it is, so one request prunes.
    func claim(at now: UInt32) -> Bool {
        lastRun.withLock { last in
            guard now >= last &+ Self.interval || now < last else { return false }
            last = now
            return true
        }
    }

    /// Deletes sessions last seen more than `idleSeconds` before `now` when a pruning is due.
    /// A failure is logged, never passed on: the request goes on.
    func pruneIfDue(at now: UInt32, idleSeconds: UInt32, connection: Connection, logger: Logger) {
        guard claim(at: now) else { return }
        do {
            let deleted = try connection.panelSessions.deleteIdle(before: now &- idleSeconds, limit: Self.batch)
            if deleted > 0 { logger.info("pruned idle panel sessions", metadata: ["deleted": "\(deleted)"]) }
        } catch {
            logger.warning("pruning idle panel sessions failed", metadata: ["error": "\(error)"])
        }
    }
}
