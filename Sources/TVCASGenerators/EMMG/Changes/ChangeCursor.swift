/// An EMMG's place in the change queue, with the commit-order rule of decisions.md §3.
///
/// Rows of `tvcas_card_changes` become visible in commit order, not id order. Each poll reads the
/// rows above the stored cursor and those changed in the last ``window`` seconds; ids already
/// sent are ignored; the stored cursor only moves past rows older than the window. A change whose
/// transaction commits within the window after its `changed_at` is therefore never skipped.
public struct ChangeCursor: Sendable, Equatable {
    /// One row of the queue as a poll sees it.
    public struct Change: Sendable, Hashable {
        /// Queue id.
        public var id: UInt64
        /// The card.
        public var serial: UInt32
        /// `changed_at`, unix seconds.
        public var changedAt: UInt32

        /// A change.
        public init(id: UInt64, serial: UInt32, changedAt: UInt32) {
            self.id = id
            self.serial = serial
            self.changedAt = changedAt
        }
    }

    /// Seconds a row may take from `changed_at` to commit.
    public static let window: UInt32 = 30

    /// The cursor as stored (`tvcas_emmg_cursor.last_change_id`).
    public private(set) var stored: UInt64
    /// Ids above the stored cursor, or inside the window, already handed out, with their `changed_at`.
    public private(set) var seen: [UInt64: UInt32] = [:]
    /// Whether ``stored`` moved since ``markStored()``.
    public private(set) var needsStoring = false

    /// A cursor at `stored`.
    public init(stored: UInt64) { self.stored = stored }

    /// What a poll at `now` must ask for: rows with id above `after` or `changed_at` at or after `since`.
    public func query(now: UInt32) -> (after: UInt64, since: UInt32) {
        (stored, now >= Self.window ? now - Self.window : 0)
    }

    /// Takes the rows a poll at `now` returned and gives the ones not handed out before, in id
    /// order; moves the stored cursor past rows older than the window.
    public mutating func accept(_ rows: [Change], now: UInt32) -> [Change] {
        let horizon = now >= Self.window ? now - Self.window : 0
        var fresh: [Change] = []
        for row in rows.sorted(by: { $0.id < $1.id }) where seen[row.id] == nil {
            if row.id <= stored && row.changedAt < horizon { continue }
            seen[row.id] = row.changedAt
            fresh.append(row)
        }
        // The cursor moves past every row old enough that an earlier id can no longer appear.
        let settled = seen.filter { $0.value < horizon }.keys.max() ?? 0
        if settled > stored {
            stored = settled
            needsStoring = true
        }
        seen = seen.filter { $0.key > stored || $0.value >= horizon }
        return fresh
    }

    /// Notes that ``stored`` was written to the database.
    public mutating func markStored() { needsStoring = false }
}
