import Foundation
import TVCASDatabase

extension PanelController {
    /// Cards per list page.
    static let pageSize = 30

    /// `?op=smartcards[&s=<search>][&contains=1][&state=…][&pkg=<bit>][&sort=[-]<column>][&at=<value>&after=<serial>]`:
    /// the list in the order of `sort` (serial by default), the page after the card `after`
    /// (whose sort value is `at`: `~` for NULL, else `=` and the value).
    func smartcards(_ page: PanelPage, started: Date) throws -> Response {
        if let serial = page.query("fm") { return try cardBin(page, serial: serial) }
        if page.query("print") == "1" { return try labels(page) }
        let search = page.query("s") ?? ""
        var sort = CardListing.Sort.serial
        if let text = page.query("sort"), !text.isEmpty {
            guard let value = CardListing.Sort(parameter: text) else {
                return Router.page(
                    .badRequest,
                    "sort must be one of " + CardListing.SortColumn.allCases.map(\.rawValue).joined(separator: ", ")
                        + ", with - in front for descending.")
            }
            sort = value
        }
        var cursor: CardListing.Cursor?
        if let text = page.query("after"), !text.isEmpty {
            guard let serial = UInt32(text) else { return Router.page(.badRequest, "The parameter after must be a serial number.") }
            if sort.column == .serial {
                cursor = CardListing.Cursor(value: .number(Int64(serial)), serial: serial)
            } else {
                guard let value = page.query("at").flatMap({ CardListing.SortValue(cursorText: $0, column: sort.column) }) else {
                    return Router.page(.badRequest, "The parameter at must be ~ or = and the sort column's value of the card before the page.")
                }
                cursor = CardListing.Cursor(value: value, serial: serial)
            }
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
        let listing = try page.connection.cardListing.page(
            filter, state: state, now: page.now, package: package, sort: sort, after: cursor, limit: Self.pageSize + 1)
        let shown = listing.cards.prefix(Self.pageSize)
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
        var filterQuery = search.isEmpty ? "" : "&s=" + Self.urlEncoded(search)
        if contains { filterQuery += "&contains=1" }
        if let state { filterQuery += "&state=\(state.rawValue)" }
        if let package { filterQuery += "&pkg=\(package)" }
        let sortQuery = sort == .serial ? "" : "&sort=" + sort.parameter
        let listQuery = filterQuery + sortQuery
        if listing.cards.count > Self.pageSize, let last = listing.cursors.prefix(Self.pageSize).last {
            let at = sort.column == .serial ? "" : "&at=" + Self.urlEncoded(last.value.cursorText)
            context["next"] = "\(page.role.basePath)?op=smartcards\(listQuery)\(at)&after=\(last.serial)"
        }
        if cursor != nil { context["first"] = "\(page.role.basePath)?op=smartcards\(listQuery)" }
        if sort != .serial { context["sortParameter"] = sort.parameter }
        context["columns"] = Self.listColumns(page.role).map { name, column -> [String: Any] in
            guard let column else { return ["label": name] }
            let descending = sort.column == column && !sort.descending
            let next = CardListing.Sort(column: column, descending: descending)
            let arrow = sort.column == column ? (sort.descending ? " \u{25BC}" : " \u{25B2}") : ""
            return [
                "label": name, "sortable": true, "arrow": arrow,
                "href": "\(page.role.basePath)?op=smartcards\(filterQuery)" + (next == .serial ? "" : "&sort=" + next.parameter),
            ]
        }
        return render(
            page, title: "Smartcards", template: "smartcards", context: context,
            message: Self.doneMessage(page), started: started)
    }

    /// The list's columns per role (panels.md §3.1) and the sort column behind each header.
    static func listColumns(_ role: PanelRole) -> [(String, CardListing.SortColumn?)] {
        var columns: [(String, CardListing.SortColumn?)] = [
            ("#", nil), ("serial_no", .serial), ("name", .name), ("info", nil), ("access_criteria", .accessCriteria),
        ]
        if role == .admin { columns.append(("type", .type)) }
        columns += [("pair", .pair), ("start", .start), ("finish", .finish)]
        if role == .admin { columns.append(("edit", .edit)) }
        columns.append(("OPER", nil))
        return columns
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
