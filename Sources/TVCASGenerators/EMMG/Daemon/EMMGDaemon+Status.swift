import Foundation
import Logging
import TVCASDatabase

extension EMMGDaemon {
    /// Writes the status columns and the runtime-state row once a second and watches the row for
    /// `version` and `reload` (decisions.md §3).
    func statusLoop() async {
        while !live.snapshot.shutdownRequested {
            await writeStatusOnce(final: false)
            await sleepUnlessShutdown(options.statusInterval)
        }
    }

    /// One status write and row check.
    func writeStatusOnce(final: Bool) async {
        let id = options.id
        let now = DaemonClock.unix
        let pid = UInt32(ProcessInfo.processInfo.processIdentifier)
        let started = startedAt
        let values = live.withValues { values in
            values.status.touchTime = now
            values.status.touchVersion = values.settings.version
            values.status.queueSize = UInt32(clamping: values.urgent.count + values.cycleRemaining)
            return values
        }
        EMMGMetrics.queueSize(Int(values.status.queueSize))
        let skipped = values.invalidRows.isEmpty ? nil : String(values.invalidRows.joined(separator: ", ").prefix(4000))
        let peers: String? =
            values.peer.map { peer in
                let entry: [String: Any] = [
                    peer: ["time": Int(now), "datagram_count": Int(values.status.datagramCount), "sock": values.connectionNumber]
                ]
                return (try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys])).flatMap { String(data: $0, encoding: .utf8) }
                    ?? "{}"
            } ?? (final ? nil : "{}")
        let state = GeneratorRuntimeState(
            pid: pid, startedAt: started, lastError: values.lastError.map { String($0.prefix(4000)) },
            peers: peers, cycleSeconds: values.lastCycleSeconds.map { UInt32(clamping: Int($0.rounded())) },
            queueSize: values.status.queueSize, skippedCards: skipped, updatedAt: now)
        let status = values.status
        do {
            let row = try await pool.withConnection { connection in
                try connection.emmgFeed.writeStatus(id: id, status)
                try connection.generatorStates.writeRuntimeState(.emmg, id: id, state)
                let row = try connection.emmgs.find(id: id)
                if row?.reload == 1 { try connection.emmgFeed.clearReload(id: id) }
                return row
            }
            guard let row, !final else { return }
            if row.reload == 1 { live.withValues { $0.reloadRequested = true } }
            if row.version != values.settings.version {
                let fresh = EMMGSettingsRow(row: row)
                let reconnect = values.settings.needsReconnect(to: fresh)
                live.withValues {
                    $0.settings = fresh
                    if reconnect { $0.reconnectRequested = true }
                }
                try? fresh.saveCopy(stateDirectory: options.stateDirectory)
                logger.notice("settings changed", metadata: ["version": "\(fresh.version)", "reconnect": "\(reconnect)"])
            }
        } catch {
            EMMGMetrics.databaseError()
            logger.debug("status write failed", metadata: ["error": "\(error)"])
        }
    }
}
