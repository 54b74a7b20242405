import Foundation
import Logging
import TVCASDatabase

/// `[web] log_retention_days` (decisions.md §6): `tvcas_logs` rows older than that many days are
/// deleted in batches, at start and then every hour, by each `tvcas web` (several web hosts
/// deleting the same old rows is harmless). 0 keeps every row.
public struct LogRetention: Sendable {
    /// Days a row is kept; 0 = keep everything.
    public let days: Int
    /// Rows deleted per statement, so no single statement holds long locks.
    public let batchSize: Int

    /// A retention of `days` days.
    public init(days: Int, batchSize: Int = 10_000) {
        self.days = days
        self.batchSize = batchSize
    }

    /// The oldest `time` kept at `now`; nil when rows are kept forever.
    public func cutoff(now: Int64) -> Int32? {
        guard days > 0 else { return nil }
        return Int32(clamping: now - Int64(days) * 86_400)
    }

    /// Deletes the rows older than the cutoff at `now`, a batch at a time; returns how many went.
    @discardableResult
    public func prune(on connection: Connection, now: Int64) throws(DatabaseError) -> UInt64 {
        guard let cutoff = cutoff(now: now) else { return 0 }
        var total: UInt64 = 0
        while true {
            let removed = try connection.logs.deleteOlder(than: cutoff, limit: batchSize)
            total += removed
            if removed < UInt64(batchSize) { return total }
        }
    }

    /// Starts a background thread that prunes at once and then every `interval` seconds, on its
    /// own connection, until the returned task is stopped; nil when rows are kept forever.
    @discardableResult
    public func startBackground(settings: DatabaseSettings, interval: TimeInterval = 3600, logger: Logger) -> LogRetentionTask? {
        guard days > 0 else { return nil }
        let retention = self
        let task = LogRetentionTask()
        let thread = Thread {
            let connection = Connection(settings: settings)
            defer { connection.close() }
            while !task.isStopped {
                do {
                    let removed = try retention.prune(on: connection, now: Int64(Date().timeIntervalSince1970))
                    task.recordPass(removed: removed)
                    if removed > 0 { logger.info("log retention", metadata: ["removed": "\(removed)", "days": "\(retention.days)"]) }
                } catch {
                    logger.warning("log retention failed", metadata: ["error": "\(error)"])
                }
                let next = Date().addingTimeInterval(interval)
                while !task.isStopped, Date() < next { Thread.sleep(forTimeInterval: min(1, interval)) }
            }
        }
        thread.name = "tvcas.web.log-retention"
        thread.start()
        return task
    }
}
