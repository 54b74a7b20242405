import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

/// The panels' card list: searches found partly in a bounded window and partly through the
/// FULLTEXT index or a scan give the same pages as a plain scan; every sort pages through all
/// cards exactly once with keyset cursors, NULLs included.
@Suite("Queries: the panels' card listing")
struct CardListingTests {
    /// 400 demo cards plus a few with words the search treats specially.
    private func withCards(_ body: (Connection, [Card]) throws -> Void) throws {
        let database = try TestDatabase.migrated(prefix: "listing")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let demo = DemoData(ecmKey: String(repeating: "0", count: 64), seed: 7, now: 1_750_000_000)
        var cards = (0..<400).map { demo.card(index: $0, serial: 2_100_000_000 + UInt32($0) * 3) }
        cards += [
            Card(serialNo: 2_100_000_001, name: "Vasya Nalivaykin", info: "Moscow, Siniya st. 10-256", finish: 1_750_000_000),
            Card(serialNo: 2_100_000_004, name: "Séan O'Brien", info: nil, type: 2, pair: 1),
            Card(serialNo: 2_100_000_007, name: "x_john", info: "ул. Ленина"),
            Card(serialNo: 2_100_000_010, name: "Johnny 50%", info: "the theatre"),
        ]
        try connection.cards.insert(cards)
        let stored = try connection.cards.all(after: 0, limit: 10_000)
        try body(connection, stored)
    }

    /// Every card matching `filter`, page by page (`limit` a page) with the cursors.
    private func allPages(
        _ listing: CardListing, _ filter: CardListing.Filter, sort: CardListing.Sort = .serial, limit: Int, window: Int
    ) throws -> [UInt32] {
        var serials: [UInt32] = []
        var cursor: CardListing.Cursor?
        for _ in 0..<1000 {
            let page = try listing.page(filter, sort: sort, after: cursor, limit: limit, window: window)
            serials += page.cards.map(\.serialNo)
            guard page.cards.count == limit, let last = page.cursors.last else { return serials }
            cursor = last
        }
        Issue.record("paging did not end")
        return serials
    }

    /// Whether a word of `text` (letters, digits and `_`) starts with `prefix`, ignoring case.
    private static func hasWord(startingWith prefix: String, in text: String?) -> Bool {
        guard let text else { return false }
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        return words.contains { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    @Test("word prefixes: a small window, the FULLTEXT rest and one plain pass give the same cards, in serial order")
    func wordPrefixes() throws {
        try withCards { connection, cards in
            let listing = connection.cardListing
            for search in ["John", "ИВА", "smi", "ул", "brien", "Main St", "Nalivay", "x_jo", "the", "zzzz"] {
                guard case .wordPrefixes(let words) = CardListing.Filter(searching: search) else {
                    Issue.record("\(search) is not a word search")
                    continue
                }
                let expected = cards.filter { card in
                    words.allSatisfy { Self.hasWord(startingWith: $0, in: card.name) || Self.hasWord(startingWith: $0, in: card.info) }
                }
                .map(\.serialNo).sorted()
                let windowed = try allPages(listing, .wordPrefixes(words), limit: 5, window: 7)
                let plain = try allPages(listing, .wordPrefixes(words), limit: 1000, window: 1_000_000)
                #expect(windowed == expected, "search \(search)")
                #expect(plain == expected, "search \(search)")
            }
            let johns = try allPages(listing, .wordPrefixes(["John"]), limit: 5, window: 7)
            #expect(johns.count > 5)
            let briens = try allPages(listing, .wordPrefixes(["brien"]), limit: 5, window: 7)
            #expect(briens.contains(2_100_000_004))
        }
    }

    @Test("contains: a small window and the scan of the rest give the cards a plain pass gives; % and _ literal")
    func contains() throws {
        try withCards { connection, cards in
            let listing = connection.cardListing
            for text in ["ohn", "50%", "x_j", "FFFF", "ова", "nothing-like-this"] {
                let expected = cards.filter { card in
                    [card.name, card.info ?? "", card.accessCriteria].contains { $0.range(of: text, options: .caseInsensitive) != nil }
                }.map(\.serialNo).sorted()
                let found = try allPages(listing, .contains(text), limit: 6, window: 11)
                #expect(found == expected, "contains \(text)")
            }
        }
    }

    @Test("each sort, both directions: pages of 7 with keyset cursors list every card once, in the column's order")
    func sorts() throws {
        try withCards { connection, cards in
            let listing = connection.cardListing
            for column in CardListing.SortColumn.allCases {
                for descending in [false, true] {
                    let sort = CardListing.Sort(column: column, descending: descending)
                    let paged = try allPages(listing, .all, sort: sort, limit: 7, window: 1)
                    let whole = try listing.page(.all, sort: sort, limit: 10_000).cards.map(\.serialNo)
                    #expect(paged == whole, "sort \(sort.parameter)")
                    #expect(Set(paged).count == cards.count, "sort \(sort.parameter)")
                }
            }
            // NULL finishes first ascending, last descending.
            let byFinish = try listing.page(.all, sort: CardListing.Sort(column: .finish), limit: 10_000).cards
            let nulls = byFinish.prefix { $0.finish == nil }.count
            #expect(nulls > 0 && byFinish.dropFirst(nulls).allSatisfy { $0.finish != nil })
            let finishes = byFinish.dropFirst(nulls).map { $0.finish! }
            #expect(finishes == finishes.sorted())
            // A filtered, sorted search pages correctly too.
            let sort = CardListing.Sort(column: .name, descending: true)
            let paged = try allPages(listing, .wordPrefixes(["John"]), sort: sort, limit: 4, window: 5)
            let whole = try listing.page(.wordPrefixes(["John"]), sort: sort, limit: 10_000, window: 1_000_000).cards.map(\.serialNo)
            #expect(paged == whole)
        }
    }

    @Test("sort parameters and cursor texts parse back")
    func parameters() {
        #expect(CardListing.Sort(parameter: "-finish") == CardListing.Sort(column: .finish, descending: true))
        #expect(CardListing.Sort(parameter: "access_criteria") == CardListing.Sort(column: .accessCriteria))
        #expect(CardListing.Sort(parameter: "info") == nil)
        #expect(CardListing.SortValue(cursorText: "~", column: .finish) == .null)
        #expect(CardListing.SortValue(cursorText: "=17", column: .finish) == .number(17))
        #expect(CardListing.SortValue(cursorText: "=x", column: .finish) == nil)
        #expect(CardListing.SortValue(cursorText: "=", column: .name) == .text(""))
        #expect(CardListing.SortValue(cursorText: "x", column: .name) == nil)
    }
}
