import Foundation
import Logging
import Synchronization
import TVCASDatabase

/// Everything the ECMG does with MariaDB once it runs, off the ECM path, once a second
/// (simulcrypt.md §2.7, decisions.md §3):
///
/// - writes the CW log in multi-row batches (a batch the database refuses is dropped and counted);
/// - writes `touch_time`, `touch_version` and `peers` in its row and its `tvcas_generator_state` row;
/// - reads its own row: a new `version` or `reload = 1` applies the row's settings and clears `reload`;
/// - every minute deletes CW log rows older than `[ecmg] cw_log_minutes`, in batches.
///
/// When MariaDB is down or slow, only this worker waits (on the pool's thread); connections keep
/// getting ECMs from the settings in force, and the pool reconnects by itself.
public final class ECMGDatabaseWorker: Sendable {
    /// What one round found and did.
    public struct Round: Sendable, Equatable {
        /// CW log rows written.
        public var written = 0
        /// CW log rows dropped because their batch failed.
        public var dropped = 0
        /// CW log rows deleted by age.
        public var pruned: UInt64 = 0
        /// The settings applied from a changed row, if any.
        public var applied: ECMGRowSettings?
        /// The first database error of the round, if any.
        public var error: String?
    }

    private let pool: ConnectionPool
    private let server: ECMGServer
    private let cwLogSeconds: UInt32
    private let savedCopy: SavedSettingsFile<ECMGRowSettings>?
    private let rounds = Atomic<Int>(0)
    private let databaseWasUp = Atomic<Bool>(true)
    /// Rows per INSERT.
    public static let batchSize = 1000
    /// Rows per DELETE when pruning.
    public static let pruneBatchSize = 10_000

    private var service: ECMGServiceContext { server.service }

    /// A worker for `server`'s generator.
    public init(
        pool: ConnectionPool, server: ECMGServer, cwLogMinutes: Int, savedCopy: SavedSettingsFile<ECMGRowSettings>?
    ) {
        self.pool = pool
        self.server = server
        self.cwLogSeconds = UInt32(max(1, cwLogMinutes) * 60)
        self.savedCopy = savedCopy
    }

    /// Runs a round every second until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            _ = await round()
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// One round: CW log, heartbeat, own row, and (every 60th round) pruning.
    @discardableResult
    public func round() async -> Round {
        let number = rounds.add(1, ordering: .relaxed).oldValue
        var result = Round()
        let now = service.clock()
        let records = service.cwLog.drain()
        let ecmgID = service.ecmgID
        let loaded = service.settings
        let peersJSON = ECMGPeerRegistry.json(service.peers.snapshot(now: now), now: now)
        let prune = number % 60 == 0
        let cutoff = now > cwLogSeconds ? now - cwLogSeconds : 0

        struct Outcome: Sendable {
            var written = 0
            var dropped = 0
            var pruned: UInt64 = 0
            var row: ECMGRow?
            var rowRead = false
            var errors: [String] = []
        }
        let outcome: Outcome
        do {
            outcome = try await pool.withConnection { connection in
                var outcome = Outcome()
                var index = 0
                while index < records.count {
                    let batch = records[index..<min(records.count, index + Self.batchSize)]
                    index += batch.count
                    do {
                        try connection.cwLog.append(batch.map { $0.entry(ecmgID: ecmgID) })
                        outcome.written += batch.count
                    } catch {
                        outcome.dropped += batch.count
                        outcome.errors.append("CW log: \(error)")
                    }
                }
                do {
                    try connection.ecmgs.touch(id: ecmgID, time: now, version: loaded.version, peers: peersJSON)
                    try connection.generatorStates.reportRunning(.ecmg, id: ecmgID, peers: peersJSON)
                } catch {
                    outcome.errors.append("heartbeat: \(error)")
                }
                do {
                    outcome.row = try connection.ecmgs.find(id: ecmgID)
                    outcome.rowRead = true
                } catch {
                    outcome.errors.append("reading the row: \(error)")
                }
                if prune {
                    do {
                        var deleted: UInt64
                        repeat {
                            deleted = try connection.cwLog.deleteOlder(than: cutoff, limit: Self.pruneBatchSize)
                            outcome.pruned += deleted
                        } while deleted == UInt64(Self.pruneBatchSize)
                    } catch {
                        outcome.errors.append("pruning the CW log: \(error)")
                    }
                }
                return outcome
            }
        } catch {
            outcome = Outcome(dropped: records.count, errors: ["\(error)"])
        }

        result.written = outcome.written
        result.dropped = outcome.dropped
        result.pruned = outcome.pruned
        result.error = outcome.errors.first
        if outcome.written > 0 { service.metrics.cwLogWritten.increment(by: Int64(outcome.written)) }
        if outcome.dropped > 0 {
            service.cwLog.countDropped(outcome.dropped)
            service.metrics.cwLogDropped.increment(by: Int64(outcome.dropped))
        }
        noteHealth(errors: outcome.errors)

        if outcome.rowRead, let row = outcome.row, row.version != loaded.version || row.reload != 0 {
            result.applied = await apply(row: row, now: now)
        }
        return result
    }

    /// Writes what is left of the CW log and a last heartbeat, giving up after `timeout`.
    public func finish(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = await self.round() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func apply(row: ECMGRow, now: UInt32) async -> ECMGRowSettings? {
        let logger = service.logger
        let ecmgID = service.ecmgID
        do {
            let settings = try ECMGRowSettings(row: row)
            try await server.apply(settings: settings)
            try? savedCopy?.save(settings)
            logger.info("applied row version \(row.version)\(row.reload != 0 ? " (reload requested)" : "")")
            _ = try? await pool.withConnection { connection in
                try connection.ecmgs.clearReload(id: ecmgID)
                try connection.generatorStates.recordError(.ecmg, id: ecmgID, message: nil)
            }
            return settings
        } catch {
            logger.error("cannot apply row version \(row.version): \(error); keeping version \(service.settings.version)")
            let message = "row version \(row.version) not applied: \(error)"
            _ = try? await pool.withConnection { connection in
                try connection.ecmgs.clearReload(id: ecmgID)
                try connection.generatorStates.recordError(.ecmg, id: ecmgID, message: message)
            }
            return nil
        }
    }

    private func noteHealth(errors: [String]) {
        let up = errors.isEmpty
        service.metrics.databaseUp.record(up ? 1 : 0)
        if !up { service.metrics.databaseErrors.increment(by: Int64(errors.count)) }
        let wasUp = databaseWasUp.exchange(up, ordering: .relaxed)
        if wasUp, !up {
            service.logger.warning("database unreachable, ECMs continue from the loaded settings: \(errors[0])")
        } else if !wasUp, up {
            service.logger.notice("database reachable again")
        }
    }
}
