import TVCASCore
import TVCASDatabase

extension PanelController {
    /// `GET ?op=smartcards&fm=<serial>` (admin): the card's 90-byte `.bin` (panels.md §3.3),
    /// logged as `Took the firmware for smartcard <serial>`. An unknown serial is a 404 (the
    /// original sent 75 bytes of zeros); the operator panel has no download.
    func cardBin(_ page: PanelPage, serial text: String) throws -> Response {
        guard page.role == .admin else { return Router.page(.notFound, "Not found.") }
        guard let serial = UInt32(text) else { return Router.page(.badRequest, "fm must be a card's serial number.") }
        guard let settings = cardBinSettings else {
            return Router.page(.internalServerError, "The configuration's ident, ecm_key or zone cannot make a .bin.")
        }
        guard let card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        guard let key = try? CardKey(hex: card.key), let criteria = try? AccessCriteria(hex: card.accessCriteria) else {
            return Router.page(HTTPStatus(409, "Conflict"), "Smartcard \(serial) has no valid key or access criteria; edit it first.")
        }
        let subscription = CardSubscription(
            serial: CardSerial(rawValue: serial), accessCriteria: criteria, start: card.start ?? 0, finish: card.finish ?? 0,
            pair: Int(card.pair), type: Int(card.type))
        let bin = CardBin(card: subscription, key: key, settings: settings)
        try page.connection.logs.append(page.logEntry("Took the firmware for smartcard \(serial)"))
        var response = Response(status: .ok, body: .bytes(bin.bytes))
        response.addAttachmentHeaders(fileName: bin.fileName, length: bin.bytes.count)
        return response
    }
}
