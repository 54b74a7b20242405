/// The smartcards page's list (decisions.md §5): by serial with keyset pagination (the page
/// after a serial, never an OFFSET or a COUNT of the whole table), optionally narrowed to a
/// serial prefix (an index range) or to words starting the name or info (FULLTEXT, `word*`).
public struct CardListing {
    let connection: Connection

    /// What narrows the list.
    public enum Filter: Sendable, Equatable {
        /// Every card.
        case all
        /// Serials between these two (a prefix's range).
        case serials(ClosedRange<UInt32>)
        /// Cards whose name or info have words starting with each of these.
        case wordPrefixes([String])
        /// Cards whose name, info or access criteria contain this text anywhere (a scan).
        case contains(String)
    }

    /// A card's subscription state at a time.
    public enum State: String, Sendable, CaseIterable {
        /// `start <= now < finish`.
        case active
        /// `finish <= now`.
        case expired
        /// `start > now`.
        case upcoming
    }

    /// Up to `limit` cards matching `filter` (and, when given, in `state` at `now` and with the
    /// package bit `package`) with serials above `after`, by serial.
    public func page(
        _ filter: Filter, state: State? = nil, now: UInt32 = 0, package: Int? = nil, after: UInt32 = 0, limit: Int = 30
    ) throws(DatabaseError) -> [Card] {
        var conditions = ["serial_no > ?"]
        var parameters: [any SQLValueConvertible] = [after]
        switch filter {
        case .all:
            break
        case .serials(let range):
            conditions.append("serial_no BETWEEN ? AND ?")
            parameters += [range.lowerBound, range.upperBound]
        case .wordPrefixes(let words):
            guard !words.isEmpty else { return [] }
            conditions.append("MATCH(name, info) AGAINST (? IN BOOLEAN MODE)")
            parameters.append(words.map { "+\($0)*" }.joined(separator: " "))
        case .contains(let text):
            let pattern = "%" + Self.escapingLike(text) + "%"
            conditions.append("(name LIKE ? OR info LIKE ? OR access_criteria LIKE ?)")
            parameters += [pattern, pattern, pattern]
        }
        switch state {
        case nil: break
        case .active?:
            conditions.append("start <= ? AND finish > ?")
            parameters += [now, now]
        case .expired?:
            conditions.append("finish <= ?")
            parameters.append(now)
        case .upcoming?:
            conditions.append("start > ?")
            parameters.append(now)
        }
        if let package, (0..<32).contains(package) {
            conditions.append("(CONV(access_criteria, 16, 10) & ?) <> 0")
            parameters.append(UInt32(1) << UInt32(package))
        }
        parameters.append(limit)
        return try connection.query(
            "SELECT \(Card.columns) FROM tvcas_smartcards WHERE \(conditions.joined(separator: " AND ")) ORDER BY serial_no LIMIT ?",
            parameters
        ).map(Card.init(row:))
    }
}

extension CardListing {
    /// `text` with LIKE's `%`, `_` and the escape character `\\` escaped.
    static func escapingLike(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The card with the highest serial (the add form starts from it), nil on an empty table.
    public func highest() throws(DatabaseError) -> Card? {
        try connection.queryFirst("SELECT \(Card.columns) FROM tvcas_smartcards ORDER BY serial_no DESC LIMIT 1").map(Card.init(row:))
    }
}

extension CardListing.Filter {
    /// The filter for a search box's text: digits (dashes and spaces allowed, as in
    /// `210-000-000-5`) are a serial prefix; anything else is split into words, each a prefix
    /// (FULLTEXT operators dropped); empty text is every card.
    public init(searching text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            self = .all
            return
        }
        let digits = trimmed.filter { $0 != "-" && $0 != " " }
        if !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = UInt64(digits) {
            var scale: UInt64 = 1
            for _ in digits.count..<10 { scale *= 10 }
            let low = min(prefix * scale, UInt64(UInt32.max))
            let high = min((prefix + 1) * scale - 1, UInt64(UInt32.max))
            self = .serials(UInt32(low)...UInt32(high))
            return
        }
        let words = trimmed.split(whereSeparator: { $0.isWhitespace || "+-<>()~*\"@'\\".contains($0) }).map(String.init)
        self = .wordPrefixes(words)
    }
}

extension Connection {
    /// The smartcards page's list.
    public var cardListing: CardListing { CardListing(connection: self) }
}
