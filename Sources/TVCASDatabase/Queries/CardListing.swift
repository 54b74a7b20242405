/// The smartcards page's list (decisions.md §5): sorted by a column (serial by default) with
/// keyset pagination (the page after a card, never an OFFSET or a COUNT of the whole table),
/// optionally narrowed to a serial prefix (an index range), to words starting the name or info
/// (a bounded scan in list order, then the FULLTEXT index), or to a "contains" text.
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

    /// How many rows in list order a word-prefix or "contains" search reads before it turns to
    /// the FULLTEXT index (word prefixes) or a scan of the whole table ("contains"): a frequent
    /// term fills its page within these rows; a rare one has few matches, which the index or the
    /// scan finds cheaply. Measured on a million cards: the window costs about 1 µs a row, the
    /// FULLTEXT candidates about 3.5 µs a match; 10,000 rows hand the index only terms on fewer
    /// than 0.3 % of the cards (about 3,000 matches), so neither half passes ~15 ms.
    public static let scanWindow = 10_000

    /// Up to `limit` cards matching `filter` (and, when given, in `state` at `now` and with the
    /// package bit `package`) after `cursor` in the order `sort`.
    ///
    /// Word prefixes and "contains" first read up to `window` rows in list order and stop when
    /// the page is full (a frequent term); only when the window ends with the page unfilled do
    /// they look further: word prefixes through the FULLTEXT index (a candidate set, each
    /// candidate checked with the same word-start pattern), "contains" by a scan. Both halves
    /// use one predicate, so the page is the same whichever way it was found.
    public func page(
        _ filter: Filter, state: State? = nil, now: UInt32 = 0, package: Int? = nil, sort: Sort = .serial, after cursor: Cursor? = nil,
        limit: Int = 30, window: Int = CardListing.scanWindow
    ) throws(DatabaseError) -> Page {
        var narrowing = Condition()
        switch state {
        case nil: break
        case .active?: narrowing.add("start <= ? AND finish > ?", now, now)
        case .expired?: narrowing.add("finish <= ?", now)
        case .upcoming?: narrowing.add("start > ?", now)
        }
        if let package, (0..<32).contains(package) {
            narrowing.add("(CONV(access_criteria, 16, 10) & ?) <> 0", UInt32(1) << UInt32(package))
        }
        switch filter {
        case .all:
            return try select(narrowing, sort: sort, after: cursor, limit: limit)
        case .serials(let range):
            narrowing.add("serial_no BETWEEN ? AND ?", range.lowerBound, range.upperBound)
            return try select(narrowing, sort: sort, after: cursor, limit: limit)
        case .wordPrefixes(let words):
            guard !words.isEmpty else { return Page() }
            // A LIKE first (much cheaper than the REGEXP, and true of every row the REGEXP
            // accepts), so the REGEXP runs on the few rows that contain the word at all.
            for word in words {
                let like = "%" + Self.escapingLike(word) + "%"
                narrowing.add("(name LIKE ? OR info LIKE ?)", like, like)
            }
            for word in words {
                let pattern = Self.wordStartPattern(word)
                narrowing.add("(name REGEXP ? OR info REGEXP ?)", pattern, pattern)
            }
            let fulltext: Condition? =
                words.allSatisfy(Self.fulltextFinds)
                ? Condition("MATCH(name, info) AGAINST (? IN BOOLEAN MODE)", words.map { "+\($0)*" }.joined(separator: " ")) : nil
            return try windowed(narrowing, rest: fulltext, sort: sort, after: cursor, limit: limit, window: window)
        case .contains(let text):
            let pattern = "%" + Self.escapingLike(text) + "%"
            if text.count <= 8, text.allSatisfy(\.isHexDigit) {
                narrowing.add("(name LIKE ? OR info LIKE ? OR access_criteria LIKE ?)", pattern, pattern, pattern)
            } else {
                narrowing.add("(name LIKE ? OR info LIKE ?)", pattern, pattern)
            }
            return try windowed(narrowing, rest: nil, sort: sort, after: cursor, limit: limit, window: window)
        }
    }

    /// The first `limit` rows after `cursor` meeting `condition`, read in list order.
    private func select(
        _ condition: Condition, sort: Sort, after cursor: Cursor?, limit: Int, hint: String = ""
    ) throws(DatabaseError)
        -> Page
    {
        var full = condition
        if let cursor {
            let after = sort.after(value: cursor.value, serial: cursor.serial)
            full.add(after.sql, after.parameters)
        }
        let sql =
            "SELECT \(Card.columns), `\(sort.column.rawValue)` AS sort_value FROM tvcas_smartcards\(hint)\(full.whereClause) ORDER BY \(sort.orderBy) LIMIT \(max(0, limit))"
        var page = Page()
        for row in try connection.query(sql, full.parameters) {
            let card = try Card(row: row)
            page.cards.append(card)
            page.cursors.append(Cursor(value: try sort.column.value(in: row), serial: card.serialNo))
        }
        return page
    }

    /// A search in up to three parts: the next `window` rows in list order; when the page is not
    /// full but the window's matches say the rest of the page lies within four windows, a second
    /// window twice as long as their density says the rest needs; then the rest through
    /// `rest` (an index narrowing the candidates) or by a scan of the table in storage order,
    /// sorted afterwards.
    private func windowed(
        _ condition: Condition, rest: Condition?, sort: Sort, after cursor: Cursor?, limit: Int, window: Int
    ) throws(DatabaseError) -> Page {
        var page = Page()
        var from = cursor
        var size = max(1, window)
        var scanned = 0
        for _ in 0..<2 {
            // The last row of the window (read from the index alone).
            var rows = Condition()
            if let from {
                let after = sort.after(value: from.value, serial: from.serial)
                rows.add(after.sql, after.parameters)
            }
            let boundaryRow = try connection.queryFirst(
                "SELECT serial_no, `\(sort.column.rawValue)` AS sort_value FROM tvcas_smartcards\(rows.whereClause) ORDER BY \(sort.orderBy) LIMIT 1 OFFSET \(size - 1)",
                rows.parameters)
            guard let boundaryRow else {
                page.append(try select(condition, sort: sort, after: from, limit: limit - page.cards.count))
                return page
            }
            let boundary = Cursor(
                value: try sort.column.value(in: boundaryRow), serial: try boundaryRow.decode("serial_no", as: UInt32?.self) ?? 0)
            var inWindow = condition
            let upTo = sort.upTo(value: boundary.value, serial: boundary.serial)
            inWindow.add(upTo.sql, upTo.parameters)
            page.append(try select(inWindow, sort: sort, after: from, limit: limit - page.cards.count))
            from = boundary
            scanned += size
            guard page.cards.count < limit else { return page }
            guard !page.cards.isEmpty else { break }
            let needed = Double(limit - page.cards.count) * Double(scanned) / Double(page.cards.count) * 2
            guard needed <= Double(4 * max(1, window)) else { break }
            size = Int(needed) + 1
        }
        var beyond = condition
        if let rest { beyond.add(rest.sql, rest.parameters) }
        // Without an index the rest is read in storage order (faster than through the serial
        // index for a whole-table scan) and the few matches are sorted.
        let hint = rest == nil && sort == .serial ? " IGNORE INDEX (`serial`)" : ""
        page.append(try select(beyond, sort: sort, after: from, limit: limit - page.cards.count, hint: hint))
        return page
    }
}

extension CardListing {
    /// One page of the list: the cards and, for each, the cursor of the page after it.
    public struct Page: Sendable {
        /// The cards, in list order.
        public var cards: [Card] = []
        /// `cursors[i]` starts the page after `cards[i]`.
        public var cursors: [Cursor] = []

        /// Adds the cards of a page that follows this one.
        mutating func append(_ next: Page) {
            cards += next.cards
            cursors += next.cursors
        }
    }
}

extension CardListing {
    /// The REGEXP (PCRE2, case-insensitive under the columns' collation) for a word of name or
    /// info starting with `word`: not preceded by a letter, digit or `_` (Unicode-aware), which
    /// is where InnoDB's FULLTEXT parser starts its words.
    static func wordStartPattern(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if character.isASCII, !(character.isLetter || character.isNumber) { escaped.append("\\") }
            escaped.append(character)
        }
        return "(*UCP)(?<![\\w])" + escaped
    }

    /// InnoDB's default stopwords: words starting with a prefix of one of them may be missing
    /// from the FULLTEXT index.
    static let stopwords = [
        "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on",
        "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und", "www",
    ]

    /// Whether the FULLTEXT index holds every word starting with `word` (so it may narrow the
    /// candidates): only letters and digits, at least `innodb_ft_min_token_size` (3) long, and
    /// no stopword starting with it.
    static func fulltextFinds(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return word.count >= 3 && word.allSatisfy { $0.isLetter || $0.isNumber } && !stopwords.contains { $0.hasPrefix(lowered) }
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

    /// Whether any card was created at or after `time` (an index probe on `c_time`).
    public func hasCards(createdSince time: UInt32) throws(DatabaseError) -> Bool {
        try connection.queryFirst("SELECT 1 FROM tvcas_smartcards WHERE c_time >= ? LIMIT 1", [time]) != nil
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
