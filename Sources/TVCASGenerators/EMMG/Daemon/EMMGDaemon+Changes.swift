import Logging
import TVCASDatabase

extension EMMGDaemon {
    /// Polls the change queue every `change_poll_ms` with the commit-order rule and puts changed
    /// cards ahead of the cycle; stores the cursor once the cards it passed have gone out.
    func changeLoop(cursor start: UInt64) async {
        let id = options.id
        var cursor = ChangeCursor(stored: start)
        var known = start != UInt64.max
        let pause = Double(max(10, options.changePollMilliseconds)) / 1000
        while !live.snapshot.shutdownRequested {
            let now = DaemonClock.unix
            do {
                if !known {
                    let stored = await initialCursor()
                    guard stored != UInt64.max else { throw DatabaseError.poolClosed }
                    cursor = ChangeCursor(stored: stored)
                    known = true
                }
                let query = cursor.query(now: now)
                let rows = try await pool.withConnection { connection in
                    var rows = try connection.changeQueue.poll(after: query.after, since: query.since, limit: 1000)
                    while rows.count >= 1000, rows.count < 100_000, let last = rows.last {
                        let more = try connection.changeQueue.next(after: last.id, limit: 1000)
                        rows += more
                        if more.count < 1000 { break }
                    }
                    return rows
                }
                let fresh = cursor.accept(rows.map { .init(id: $0.id, serial: $0.serialNo, changedAt: $0.changedAt) }, now: now)
                if !fresh.isEmpty {
                    var serials: [UInt32] = []
                    var seen = Set<UInt32>()
                    for change in fresh where seen.insert(change.serial).inserted { serials.append(change.serial) }
                    let wanted = serials
                    let cards = try await pool.withConnection { try $0.emmgFeed.cards(serials: wanted) }
                    live.withValues { values in
                        let waiting = Set(values.urgent.map(\.serialNo))
                        values.urgent += cards.filter { !waiting.contains($0.serialNo) }
                    }
                    EMMGMetrics.changesReceived(fresh.count)
                    logger.debug("card changes queued", metadata: ["cards": "\(cards.count)"])
                }
                if cursor.needsStoring && live.snapshot.urgent.isEmpty {
                    let stored = cursor.stored
                    try await pool.withConnection { try $0.changeQueue.moveCursor(emmgID: id, to: stored, at: now) }
                    cursor.markStored()
                }
            } catch {
                EMMGMetrics.databaseError()
                logger.debug("change poll failed", metadata: ["error": "\(error)"])
                await sleepUnlessShutdown(1)
            }
            await sleepUnlessShutdown(pause)
        }
    }
}
