/// Queries on `tvcas_smartcards`.
///
/// ```swift
/// let card = try await pool.withConnection { try $0.cards.find(serial: 2_100_000_001) }
/// ```
public struct Cards {
    let connection: Connection

    /// The card with this serial, if any.
    public func find(serial: UInt32) throws(DatabaseError) -> Card? {
        try connection.queryFirst("SELECT \(Card.columns) FROM tvcas_smartcards WHERE serial_no = ?", [serial]).map(Card.init(row:))
    }

    /// The card with this row id, if any.
    public func find(id: UInt32) throws(DatabaseError) -> Card? {
        try connection.queryFirst("SELECT \(Card.columns) FROM tvcas_smartcards WHERE id = ?", [id]).map(Card.init(row:))
    }

    /// Cards matching `text`: by serial when it is digits (dashes and spaces allowed, as in
    /// `210-000-000-5`), taken as the serial's first digits (an index range scan); else by the
    /// words of the name and notes (full-text, each word as a prefix). Newest first.
    public func search(_ text: String, limit: Int = 50, offset: Int = 0) throws(DatabaseError) -> [Card] {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return try page(limit: limit, offset: offset) }
        let digits = trimmed.filter { $0 != "-" && $0 != " " }
        if !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = UInt64(digits) {
            var scale: UInt64 = 1
            for _ in digits.count..<10 { scale *= 10 }
            let low = prefix * scale
            let high = min((prefix + 1) * scale - 1, UInt64(UInt32.max))
            guard low <= UInt64(UInt32.max) else { return [] }
            return try connection.query(
                "SELECT \(Card.columns) FROM tvcas_smartcards WHERE serial_no BETWEEN ? AND ? ORDER BY id DESC LIMIT ? OFFSET ?",
                [low, high, limit, offset]
            ).map(Card.init(row:))
        }
        let words = trimmed.split(whereSeparator: { $0.isWhitespace || "+-<>()~*\"@".contains($0) })
        guard !words.isEmpty else { return [] }
        let query = words.map { "+\($0)*" }.joined(separator: " ")
        return try connection.query(
            """
            SELECT \(Card.columns) FROM tvcas_smartcards WHERE MATCH(name, info) AGAINST (? IN BOOLEAN MODE)
            ORDER BY id DESC LIMIT ? OFFSET ?
            """, [query, limit, offset]
        ).map(Card.init(row:))
    }

    /// A page of all cards, newest first.
    public func page(limit: Int = 50, offset: Int = 0) throws(DatabaseError) -> [Card] {
        try connection.query("SELECT \(Card.columns) FROM tvcas_smartcards ORDER BY id DESC LIMIT ? OFFSET ?", [limit, offset])
            .map(Card.init(row:))
    }

    /// How many cards there are.
    public func count() throws(DatabaseError) -> Int {
        try connection.queryFirst("SELECT COUNT(*) AS n FROM tvcas_smartcards")?.decode("n") ?? 0
    }

    /// The next free serial: the highest plus one, or `first` on an empty table.
    public func nextSerial(first: UInt32 = 2_100_000_000) throws(DatabaseError) -> UInt32 {
        guard let highest = try connection.queryFirst("SELECT MAX(serial_no) AS s FROM tvcas_smartcards")?.decode("s", as: UInt32?.self)
        else { return first }
        return max(first, highest + 1)
    }

    /// Inserts a card (its `id` is ignored) and returns the new row id.
    @discardableResult
    public func insert(_ card: Card) throws(DatabaseError) -> UInt32 {
        let placeholders = Array(repeating: "?", count: card.insertValues.count).joined(separator: ", ")
        let result = try connection.execute(
            "INSERT INTO tvcas_smartcards (\(Card.insertColumns)) VALUES (\(placeholders))", card.insertValues)
        return UInt32(result.lastInsertID)
    }

    /// Inserts many cards with multi-row INSERTs of up to `batchSize` rows (bulk loads).
    public func insert(_ cards: [Card], batchSize: Int = 1000) throws(DatabaseError) {
        var start = 0
        while start < cards.count {
            let batch = cards[start..<min(start + batchSize, cards.count)]
            let columnCount = batch.first!.insertValues.count
            let tuple = "(" + Array(repeating: "?", count: columnCount).joined(separator: ",") + ")"
            let sql =
                "INSERT INTO tvcas_smartcards (\(Card.insertColumns)) VALUES " + Array(repeating: tuple, count: batch.count).joined(separator: ",")
            try connection.execute(sql, batch.flatMap(\.insertValues))
            start += batch.count
        }
    }

    /// Sets a card's packages and subscription dates and stamps `edit`; false when no card has
    /// this serial.
    @discardableResult
    public func updateSubscription(
        serial: UInt32, accessCriteria: String, start: UInt32?, finish: UInt32?, editedAt: UInt32
    )
        throws(DatabaseError) -> Bool
    {
        try connection.execute(
            "UPDATE tvcas_smartcards SET access_criteria = ?, start = ?, finish = ?, edit = ? WHERE serial_no = ?",
            [accessCriteria, start, finish, editedAt, serial]
        ).affectedRows == 1
    }

    /// Writes every column of `card` but `id` to the row with its `id`; false when there is no
    /// such row. (A changed serial must not collide with another card's: 1062.)
    @discardableResult
    public func update(_ card: Card) throws(DatabaseError) -> Bool {
        let assignments = Card.insertColumns.split(separator: ",").map { "\(String($0).trimmingWhitespace()) = ?" }.joined(separator: ", ")
        return try connection.execute(
            "UPDATE tvcas_smartcards SET \(assignments) WHERE id = ?", card.insertValues + [card.id.sqlValue]
        ).affectedRows == 1
    }

    /// Cards created at or after `time` (`c_time`), oldest first: the "print labels" list.
    public func created(since time: UInt32, limit: Int = 1000) throws(DatabaseError) -> [Card] {
        try connection.query(
            "SELECT \(Card.columns) FROM tvcas_smartcards WHERE c_time >= ? ORDER BY id LIMIT ?", [time, limit]
        ).map(Card.init(row:))
    }

    /// Cards with ids above `id`, by id: page through every card (exports) with the last id seen.
    public func all(after id: UInt32 = 0, limit: Int = 1000) throws(DatabaseError) -> [Card] {
        try connection.query("SELECT \(Card.columns) FROM tvcas_smartcards WHERE id > ? ORDER BY id LIMIT ?", [id, limit])
            .map(Card.init(row:))
    }

    /// Deletes the card with this row id; false when there was none.
    @discardableResult
    public func delete(id: UInt32) throws(DatabaseError) -> Bool {
        try connection.execute("DELETE FROM tvcas_smartcards WHERE id = ?", [id]).affectedRows == 1
    }

    /// The cards an EMMG sends (decisions.md §3): active now (start < now < finish) or edited
    /// since `changedSince`, by serial.
    public func activeOrChanged(now: UInt32, changedSince: UInt32) throws(DatabaseError) -> [Card] {
        try connection.query(
            """
            SELECT \(Card.columns) FROM tvcas_smartcards WHERE (start < ? AND finish > ?)
            UNION SELECT \(Card.columns) FROM tvcas_smartcards WHERE edit >= ?
            ORDER BY serial_no
            """, [now, now, changedSince]
        ).map(Card.init(row:))
    }
}

extension Connection {
    /// Queries on `tvcas_smartcards`.
    public var cards: Cards { Cards(connection: self) }
}
