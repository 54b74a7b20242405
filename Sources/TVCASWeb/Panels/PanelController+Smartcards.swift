import Foundation
import TVCASDatabase

extension PanelController {
    /// Cards per list page.
    static let pageSize = 30

    /// `?op=smartcards[&s=<search>][&after=<serial>]`: the list, by serial, a page after a serial.
    func smartcards(_ page: PanelPage, started: Date) throws -> Response {
        if let serial = page.query("fm") { return try cardBin(page, serial: serial) }
        if page.query("print") == "1" { return try labels(page) }
        let search = page.query("s") ?? ""
        var after: UInt32 = 0
        if let text = page.query("after"), !text.isEmpty {
            guard let value = UInt32(text) else { return Router.page(.badRequest, "The parameter after must be a serial number.") }
            after = value
        }
        var state: CardListing.State?
        if let text = page.query("state"), !text.isEmpty {
            guard let value = CardListing.State(rawValue: text) else {
                return Router.page(.badRequest, "state must be active, expired or upcoming.")
            }
            state = value
        }
        var package: Int?
        if let text = page.query("pkg"), !text.isEmpty {
            guard let bit = Int(text), (0..<32).contains(bit) else { return Router.page(.badRequest, "pkg must be a bit from 0 to 31.") }
            package = bit
        }
        let contains = page.query("contains") == "1"
        let filter = contains && !search.isEmpty ? CardListing.Filter.contains(search) : CardListing.Filter(searching: search)
        let cards = try page.connection.cardListing.page(
            filter, state: state, now: page.now, package: package, after: after, limit: Self.pageSize + 1)
        let shown = cards.prefix(Self.pageSize)
        let terms: [String]
        switch filter {
        case .all, .serials: terms = []
        case .wordPrefixes(let words): terms = words
        case .contains(let text): terms = [text]
        }
        let rows: [[String: Any]] = shown.enumerated().map { index, card in
            [
                "number": index + 1, "serial": SerialText.grouped(card.serialNo), "serialNo": card.serialNo,
                "nameHTML": Highlight.html(card.name, terms: terms), "infoHTML": Highlight.html(card.info ?? "", terms: terms),
                "accessCriteriaHTML": Highlight.html(card.accessCriteria, terms: terms), "protected": card.type == 1, "paired": card.pair != 0,
                "start": dates.display(card.start, now: page.now), "finish": dates.display(card.finish, now: page.now),
                "expired": (card.finish ?? 0) < page.now, "edited": dates.display(card.editedAt, now: page.now),
            ]
        }
        let names = (try? page.connection.packageNames.all()) ?? [:]
        let stateOptions: [[String: Any]] =
            [["value": "", "label": "any state", "selected": state == nil]]
            + CardListing.State.allCases.map { ["value": $0.rawValue, "label": $0.rawValue, "selected": $0 == state] }
        let packageOptions: [[String: Any]] =
            [["value": "", "label": "any package", "selected": package == nil]]
            + (0..<32).map { bit in ["value": String(bit), "label": "\(bit) \(names[bit] ?? "")", "selected": bit == package] }
        var context: [String: Any] = [
            "cards": rows, "search": search, "states": stateOptions, "packages": packageOptions, "printLabels": hasNewCards(page),
            "contains": contains,
        ]
        var listQuery = search.isEmpty ? "" : "&s=" + Self.urlEncoded(search)
        if contains { listQuery += "&contains=1" }
        if let state { listQuery += "&state=\(state.rawValue)" }
        if let package { listQuery += "&pkg=\(package)" }
        if cards.count > Self.pageSize, let last = shown.last {
            context["next"] = "\(page.role.basePath)?op=smartcards\(listQuery)&after=\(last.serialNo)"
        }
        if after > 0 { context["first"] = "\(page.role.basePath)?op=smartcards\(listQuery)" }
        return render(
            page, title: "Smartcards", template: "smartcards", context: context,
            message: Self.doneMessage(page), started: started)
    }

    /// The message after an action (`edited=` or `added=` a serial).
    static func doneMessage(_ page: PanelPage) -> String? {
        if let serial = page.query("edited").flatMap(UInt32.init) { return "Smartcard \(SerialText.grouped(serial)) saved." }
        if let serial = page.query("added").flatMap(UInt32.init) {
            if let count = page.query("count").flatMap(UInt32.init), count > 1, count <= UInt32(maxQuantity) {
                return "\(count) smartcards added, \(SerialText.grouped(serial)) to \(SerialText.grouped(serial &+ count &- 1))."
            }
            return "Smartcard \(SerialText.grouped(serial)) added."
        }
        if let serial = page.query("removed").flatMap(UInt32.init) { return "Smartcard \(SerialText.grouped(serial)) removed." }
        return nil
    }

    /// Percent-encodes a query value.
    static func urlEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
