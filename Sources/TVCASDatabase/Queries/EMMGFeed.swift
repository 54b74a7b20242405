/// What an EMMG reads and writes (decisions.md §3): the due cards in keyed batches, cards by
/// serial for the change queue, its status columns and its `tvcas_generator_state` row.
public struct EMMGFeed {
    let connection: Connection

    /// The condition that makes a card due at `now`: active (start < now < finish), or changed
    /// at or after `changedSince` by `edit` or by a change-queue row. Takes 4 values: now, now,
    /// changedSince, changedSince.
    static let dueCondition = """
        ((start < ? AND finish > ?) OR edit >= ?
         OR serial_no IN (SELECT serial_no FROM tvcas_card_changes WHERE changed_at >= ?))
        """

    /// Up to `limit` due cards with serials above `after` (nil: from the first), by serial: one
    /// keyed batch of a cycle.
    public func dueCards(after: UInt32?, now: UInt32, changedSince: UInt32, limit: Int) throws(DatabaseError) -> [EMMCardRow] {
        let keyCondition = after == nil ? "" : "serial_no > ? AND "
        var values: [any SQLValueConvertible] = []
        if let after { values.append(after) }
        values += [now, now, changedSince, changedSince, limit]
        return try connection.query(
            "SELECT \(EMMCardRow.columns) FROM tvcas_smartcards WHERE \(keyCondition)\(Self.dueCondition) ORDER BY serial_no LIMIT ?",
            values
        ).map(EMMCardRow.init(row:))
    }

    /// How many cards are due (the length of a cycle).
    public func dueCardCount(now: UInt32, changedSince: UInt32) throws(DatabaseError) -> Int {
        try connection.queryFirst(
            "SELECT COUNT(*) AS n FROM tvcas_smartcards WHERE \(Self.dueCondition)", [now, now, changedSince, changedSince]
        )?.decode("n") ?? 0
    }

    /// The cards with these serials (changed cards, due or not: a revocation is sent too).
    public func cards(serials: [UInt32]) throws(DatabaseError) -> [EMMCardRow] {
        guard !serials.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: serials.count).joined(separator: ",")
        return try connection.query(
            "SELECT \(EMMCardRow.columns) FROM tvcas_smartcards WHERE serial_no IN (\(placeholders)) ORDER BY serial_no", serials
        ).map(EMMCardRow.init(row:))
    }

    /// The original's status columns of `tvcas_emmg` row `id`.
    public func writeStatus(id: UInt32, _ status: EMMGStatusColumns) throws(DatabaseError) {
        try connection.execute(
            """
            UPDATE tvcas_emmg SET touch_time = ?, touch_version = ?, channel_time_open = ?, stream_time_open = ?, error_time_last = ?,
            error_count = ?, datagram_time_last = ?, datagram_count = ?, queue_size = ? WHERE id = ?
            """,
            [
                status.touchTime, status.touchVersion, status.channelTimeOpen, status.streamTimeOpen, status.errorTimeLast, status.errorCount,
                status.datagramTimeLast, status.datagramCount, status.queueSize, id,
            ])
    }

    /// Clears the row's `reload` flag (the daemon has acted on it).
    public func clearReload(id: UInt32) throws(DatabaseError) {
        try connection.execute("UPDATE tvcas_emmg SET reload = 0 WHERE id = ?", [id])
    }

    /// Writes the generator's runtime-state row (kind `emmg`); the supervisor's columns (`host`,
    /// `lease_until`, `restarts`, `last_exit`) are left alone.
    public func writeState(id: UInt32, _ state: GeneratorRuntimeState) throws(DatabaseError) {
        try connection.execute(
            """
            INSERT INTO tvcas_generator_state
            (kind, generator_id, pid, started_at, last_error, peers, cycle_seconds, queue_size, skipped_cards, updated_at)
            VALUES ('emmg', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE pid = VALUES(pid), started_at = VALUES(started_at), last_error = VALUES(last_error),
            peers = VALUES(peers), cycle_seconds = VALUES(cycle_seconds), queue_size = VALUES(queue_size),
            skipped_cards = VALUES(skipped_cards), updated_at = VALUES(updated_at)
            """,
            [id, state.pid, state.startedAt, state.lastError, state.peers, state.cycleSeconds, state.queueSize, state.skippedCards, state.updatedAt])
    }

    /// The generator's runtime-state row, if written.
    public func state(id: UInt32) throws(DatabaseError) -> GeneratorRuntimeState? {
        guard
            let row = try connection.queryFirst(
                """
                SELECT pid, started_at, last_error, peers, cycle_seconds, queue_size, skipped_cards, updated_at
                FROM tvcas_generator_state WHERE kind = 'emmg' AND generator_id = ?
                """,
                [id])
        else { return nil }
        return GeneratorRuntimeState(
            pid: try row.decode("pid"), startedAt: try row.decode("started_at"), lastError: try row.decode("last_error"),
            peers: try row.decode("peers"), cycleSeconds: try row.decode("cycle_seconds"), queueSize: try row.decode("queue_size"),
            skippedCards: try row.decode("skipped_cards"), updatedAt: try row.decode("updated_at"))
    }
}

/// The original's status columns of a `tvcas_emmg` row.
public struct EMMGStatusColumns: Sendable, Equatable {
    /// `touch_time`: heartbeat.
    public var touchTime: UInt32 = 0
    /// `touch_version`: the version the daemon runs.
    public var touchVersion: UInt32 = 0
    /// `channel_time_open`.
    public var channelTimeOpen: UInt32 = 0
    /// `stream_time_open`.
    public var streamTimeOpen: UInt32 = 0
    /// `error_time_last`.
    public var errorTimeLast: UInt32 = 0
    /// `error_count`.
    public var errorCount: UInt32 = 0
    /// `datagram_time_last`.
    public var datagramTimeLast: UInt32 = 0
    /// `datagram_count`.
    public var datagramCount: UInt32 = 0
    /// `queue_size`: EMMs waiting (changes queued plus the rest of the cycle).
    public var queueSize: UInt32 = 0

    /// Empty status columns.
    public init() {}
}

/// The daemon's part of a `tvcas_generator_state` row.
public struct GeneratorRuntimeState: Sendable, Equatable {
    /// `pid`.
    public var pid: UInt32?
    /// `started_at`.
    public var startedAt: UInt32?
    /// `last_error`: the last problem.
    public var lastError: String?
    /// `peers`: JSON.
    public var peers: String?
    /// `cycle_seconds`: the real time of the last full cycle.
    public var cycleSeconds: UInt32?
    /// `queue_size`.
    public var queueSize: UInt32?
    /// `skipped_cards`: the card rows skipped in the last cycle, as `serial reason` joined by `, `.
    public var skippedCards: String?
    /// `updated_at`.
    public var updatedAt: UInt32

    /// A state from its values.
    public init(
        pid: UInt32?, startedAt: UInt32?, lastError: String?, peers: String?, cycleSeconds: UInt32?, queueSize: UInt32?,
        skippedCards: String? = nil, updatedAt: UInt32
    ) {
        self.pid = pid
        self.startedAt = startedAt
        self.lastError = lastError
        self.peers = peers
        self.cycleSeconds = cycleSeconds
        self.queueSize = queueSize
        self.skippedCards = skippedCards
        self.updatedAt = updatedAt
    }
}

extension Connection {
    /// Queries of the EMMG daemon.
    public var emmgFeed: EMMGFeed { EMMGFeed(connection: self) }
}
