import Foundation
import TVCASDatabase

extension PanelController {
    /// Cards per list page.
    static let pageSize = 30

    /// `?op=smartcards[&s=<search>][&after=<serial>]`: the list, by serial, a page after a serial.
    func smartcards(_ page: PanelPage, started: Date) throws -> Response {
        if let serial = page.query("fm") { return try cardBin(page, serial: serial) }
        let search = page.query("s") ?? ""
        var after: UInt32 = 0
        if let text = page.query("after"), !text.isEmpty {
            guard let value = UInt32(text) else { return Router.page(.badRequest, "The parameter after must be a serial number.") }
            after = value
        }
        let filter = CardListing.Filter(searching: search)
        let cards = try page.connection.cardListing.page(filter, after: after, limit: Self.pageSize + 1)
        let shown = cards.prefix(Self.pageSize)
        let rows: [[String: Any]] = shown.enumerated().map { index, card in
            [
                "number": index + 1, "serial": SerialText.grouped(card.serialNo), "serialNo": card.serialNo, "name": card.name,
                "info": card.info ?? "", "accessCriteria": card.accessCriteria, "protected": card.type == 1, "paired": card.pair != 0,
                "start": dates.display(card.start, now: page.now), "finish": dates.display(card.finish, now: page.now),
                "expired": (card.finish ?? 0) < page.now, "edited": dates.display(card.editedAt, now: page.now),
            ]
        }
        var context: [String: Any] = ["cards": rows]
        let searchPart = search.isEmpty ? "" : "&s=" + Self.urlEncoded(search)
        if cards.count > Self.pageSize, let last = shown.last {
            context["next"] = "\(page.role.basePath)?op=smartcards\(searchPart)&after=\(last.serialNo)"
        }
        if after > 0 { context["first"] = "\(page.role.basePath)?op=smartcards\(searchPart)" }
        return render(
            page, title: "Smartcards", template: "smartcards", context: context,
            message: Self.doneMessage(page), started: started)
    }

    /// The message after an action (`edited=` or `added=` a serial).
    static func doneMessage(_ page: PanelPage) -> String? {
        if let serial = page.query("edited").flatMap(UInt32.init) { return "Smartcard \(SerialText.grouped(serial)) saved." }
        if let serial = page.query("added").flatMap(UInt32.init) { return "Smartcard \(SerialText.grouped(serial)) added." }
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
