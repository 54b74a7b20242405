import Foundation
import Logging
import TVCASDatabase

/// One pass after another over the due cards, read in keyed batches by serial so that memory
/// stays flat however many cards there are (decisions.md §3). The position survives a MUX
/// reconnect; a database outage switches to re-sending the recent EMMs until it answers again.
public struct CardCycle: Sendable {
    /// Where the next card comes from.
    public enum Next: Sendable {
        /// A card row, checked.
        case card(DueCard)
        /// A stored EMM, re-sent during a database outage.
        case stored([UInt8])
        /// The original's placeholder EMM: nothing is due.
        case placeholder
    }

    /// Cards per batch.
    public var batchSize: Int
    /// The row's repetition.
    public var repetition: Int
    /// The serial of the last card read (nil: the cycle starts at the first).
    public private(set) var lastSerial: UInt32?
    private var batch: [EMMCardRow] = []
    private var index = 0
    /// Cards due in this cycle (counted at its start).
    public private(set) var cycleLength = 0
    /// EMMs sent in this cycle.
    public private(set) var sentInCycle = 0
    private var cycleStartedAt: Double?
    private var invalid: [String] = []
    /// When the database may be tried again during an outage (monotonic seconds).
    private var retryAt: Double = 0
    private var outageBackoff = Backoff(base: 1, cap: 15)
    /// Whether the cycle is re-sending stored EMMs for want of a database.
    public private(set) var inOutage = false

    /// A cycle reading `batchSize` cards at a time.
    public init(batchSize: Int = 5000, repetition: Int) {
        self.batchSize = batchSize
        self.repetition = repetition
    }

    /// Starts the cycle over from the first card (the row's `reload`).
    public mutating func restart() {
        lastSerial = nil
        batch = []
        index = 0
        cycleStartedAt = nil
    }

    /// The next thing to send.
    ///
    /// - Parameters:
    ///   - pool: the database.
    ///   - now: wall-clock unix seconds (for the due rule).
    ///   - clock: monotonic seconds (for the cycle time and retries).
    ///   - recent: the stored EMMs for an outage.
    ///   - report: called at the end of each cycle with its real length in seconds, its count and the skipped rows.
    public mutating func next(
        pool: ConnectionPool, now: UInt32, clock: Double, recent: inout RecentEMMs, logger: Logger,
        report: (_ seconds: Double?, _ count: Int, _ invalid: [String]) -> Void
    ) async -> Next {
        while true {
            if index < batch.count {
                let row = batch[index]
                index += 1
                do {
                    let card = try DueCard(card: row)
                    sentInCycle += 1
                    return .card(card)
                } catch {
                    if invalid.count < 100 { invalid.append("\(row.serialNo) \(error.reason)") }
                    EMMGMetrics.invalidCard(reason: error.reason)
                    logger.warning("skipping card row", metadata: ["serial": "\(row.serialNo)", "problem": "\(error.reason)"])
                    continue
                }
            }
            if inOutage && clock < retryAt {
                if let stored = recent.replayNext() { return .stored(stored) }
                return .placeholder
            }
            let after = lastSerial
            let size = batchSize
            let starting = after == nil
            do {
                let changedSince = now &- 7 * 86_400
                let (rows, count) = try await pool.withConnection { connection in
                    let rows = try connection.emmgFeed.dueCards(after: after, now: now, changedSince: changedSince, limit: size)
                    let count = starting ? try connection.emmgFeed.dueCardCount(now: now, changedSince: changedSince) : -1
                    return (rows, count)
                }
                if inOutage { logger.notice("database answers again; cycle resumes from the cards") }
                inOutage = false
                outageBackoff.reset()
                if starting {
                    if let startedAt = cycleStartedAt { report(clock - startedAt, sentInCycle, invalid) }
                    cycleStartedAt = clock
                    cycleLength = count
                    sentInCycle = 0
                    invalid = []
                }
                batch = rows
                index = 0
                if let last = rows.last {
                    lastSerial = last.serialNo
                } else {
                    // End of the pass: the next call starts a new one.
                    let wasStarting = starting
                    lastSerial = nil
                    if wasStarting { return .placeholder }
                }
            } catch {
                if !inOutage { logger.error("database unavailable; re-sending recent EMMs", metadata: ["error": "\(error)"]) }
                inOutage = true
                retryAt = clock + outageBackoff.nextDelay()
                if let stored = recent.replayNext() { return .stored(stored) }
                return .placeholder
            }
        }
    }
}
