import Foundation
import Logging
import TVCASConfig
import TVCASDatabase

/// The supervisor's database side: one serial queue in front of a one-connection pool, so that
/// lease renewals, records and housekeeping happen in order and a database that hangs or is down
/// never blocks the thread that watches the children.
final class SupervisorDatabase: @unchecked Sendable {
    /// What a poll found.
    enum PollResult: Sendable {
        /// The generators this supervisor should run (eligible and leased), with fingerprints.
        case desired([GeneratorKey: String])
        /// The database did not answer.
        case unreachable(String)
    }

    let pool: ConnectionPool
    let settings: SuperviseSettings
    let logger: Logger
    private let queue = DispatchQueue(label: "tvcas.supervise.database")
    /// Confined to `queue`.
    private var planner: LeasePlanner
    private let pendingLock = NSLock()
    private var pending = 0

    init(pool: ConnectionPool, settings: SuperviseSettings, logger: Logger) {
        self.pool = pool
        self.settings = settings
        self.logger = logger
        self.planner = LeasePlanner(host: settings.host)
    }

    private struct Snapshot: Sendable {
        var serverNow: UInt32
        var rows: [SupervisedRow]
        var states: [GeneratorKey: LeaseRow]
    }

    /// Reads the generator rows and their leases, takes or renews the leases of the eligible
    /// rows, releases those this host holds for rows that are no longer eligible here, and calls
    /// `done` on the database queue with the result.
    func poll(now: @escaping @Sendable () -> Double, done: @escaping @Sendable (PollResult) -> Void) {
        queue.async { done(self.pollNow(now: now)) }
    }

    /// The poll, on the calling thread (the database queue).
    private func pollNow(now: () -> Double) -> PollResult {
        let settings = self.settings
        let snapshot: Snapshot
        do {
            snapshot = try pool.withConnectionBlocking { connection in
                let serverNow = try connection.serverClock.now()
                let rows =
                    try connection.ecmgs.all().map { SupervisedRow($0, settings: settings) }
                    + connection.emmgs.all().map { SupervisedRow($0, settings: settings) }
                let states = try connection.generatorStates.all()
                return Snapshot(
                    serverNow: serverNow, rows: rows,
                    states: Dictionary(
                        states.map { (GeneratorKey($0.kind, $0.generatorID), LeaseRow(host: $0.host, leaseUntil: $0.leaseUntil)) },
                        uniquingKeysWith: { a, _ in a }))
            }
        } catch {
            return .unreachable("\(error)")
        }
        let eligible = snapshot.rows.filter(\.eligible)
        let eligibleKeys = Set(eligible.map(\.key))
        var toTake: [GeneratorKey] = []
        var desired: [GeneratorKey: String] = [:]
        let time = now()
        for row in eligible {
            let state = snapshot.states[row.key]
            if planner.shouldTake(row.key, state: state, serverNow: snapshot.serverNow, now: time) {
                toTake.append(row.key)
            } else if planner.holds(row.key, state: state) {
                desired[row.key] = row.fingerprint
            } else {
                planner.forget(row.key)
            }
        }
        let toRelease = snapshot.states.filter { $0.value.host == settings.host && !eligibleKeys.contains($0.key) }.map(\.key)
        let host = settings.host
        let takeKeys = toTake
        let taken: [GeneratorKey: Bool]
        do {
            taken = try pool.withConnectionBlocking { connection in
                var taken: [GeneratorKey: Bool] = [:]
                for key in takeKeys { taken[key] = try connection.generatorStates.takeLease(key.kind, id: key.id, host: host) }
                for key in toRelease { try connection.generatorStates.releaseLease(key.kind, id: key.id, host: host) }
                return taken
            }
        } catch {
            // Leases not renewed: keep what runs (decisions.md §3: an unreachable database changes nothing).
            return .unreachable("\(error)")
        }
        let takenAt = now()
        for key in toRelease { planner.forget(key) }
        let fingerprints = Dictionary(eligible.map { ($0.key, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        for (key, held) in taken {
            planner.noteTake(key, taken: held, now: takenAt)
            if held { desired[key] = fingerprints[key] }
        }
        return .desired(desired)
    }

    /// Writes a record (state row, log row, peers) in the background; dropped when the database
    /// has fallen far behind.
    func write(_ record: SupervisorRecord) {
        let accepted = pendingLock.withLock {
            guard pending < 200 else { return false }
            pending += 1
            return true
        }
        guard accepted else {
            logger.warning("database behind: not recording \(record)")
            return
        }
        let host = settings.host
        let logger = self.logger
        queue.async {
            defer { self.pendingLock.withLock { self.pending -= 1 } }
            do {
                try self.pool.withConnectionBlocking { connection in try Self.store(record, host: host, on: connection) }
            } catch {
                logger.warning("cannot record \(record): \(error)")
            }
        }
    }

    static func store(_ record: SupervisorRecord, host: String, on connection: Connection) throws {
        let key = record.key
        switch record {
        case .started(_, let pid):
            try connection.generatorStates.recordStart(key.kind, id: key.id, host: host, pid: UInt32(pid))
        case .exited(_, let exit, _):
            try connection.generatorStates.recordExit(key.kind, id: key.id, exit: exit.description, error: nil, restarted: true)
            try connection.stoppedGenerators.clearPeers(key.kind, id: key.id)
        case .notConfigured:
            try connection.generatorStates.recordExit(key.kind, id: key.id, exit: "status 3 (not configured)", error: nil, restarted: false)
            try connection.stoppedGenerators.clearPeers(key.kind, id: key.id)
        case .stopped(_, let exit):
            try connection.generatorStates.recordExit(key.kind, id: key.id, exit: exit.description, error: nil, restarted: false)
            try connection.stoppedGenerators.clearPeers(key.kind, id: key.id)
        }
        if let (message, type) = record.logMessage(host: host) {
            try connection.logs.append(
                LogEntry(
                    message: message, type: type, user: "sys", time: Int32(truncatingIfNeeded: Int(Date().timeIntervalSince1970)), ip: "127.0.0.1"))
        }
    }

    /// Deletes card changes older than 8 days that every enabled EMMG's cursor has passed.
    func pruneChangeQueue() {
        let logger = self.logger
        queue.async {
            let before = UInt32(max(0, Int(Date().timeIntervalSince1970) - 8 * 86_400))
            do {
                let removed = try self.pool.withConnectionBlocking { connection in
                    var removed: UInt64 = 0
                    while true {
                        let batch = try connection.changeQueue.prune(before: before, limit: 10_000)
                        removed += batch
                        if batch < 10_000 { return removed }
                    }
                }
                if removed > 0 { logger.info("deleted \(removed) card changes older than 8 days") }
            } catch {
                logger.debug("change queue not pruned: \(error)")
            }
        }
    }

    /// Gives up every lease this host holds and waits (at most `timeout` seconds) for the queued
    /// writes to finish.
    func releaseAllAndDrain(timeout: Double) {
        let done = DispatchSemaphore(value: 0)
        let host = settings.host
        queue.async {
            let held = Array(self.planner.renewedAt.keys)
            _ = try? self.pool.withConnectionBlocking { connection in
                for key in held { try connection.generatorStates.releaseLease(key.kind, id: key.id, host: host) }
            }
            done.signal()
        }
        _ = done.wait(timeout: .now() + timeout)
    }
}
