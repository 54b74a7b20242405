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

extension Connection {
    /// Queries of the EMMG daemon.
    public var emmgFeed: EMMGFeed { EMMGFeed(connection: self) }
}
