import Foundation
import TVCASDatabase

extension PanelController {
    /// The card the add form starts from when there is none (panels.md §3.2).
    static let defaultNewCard = Card(
        serialNo: 0, name: "Mr. Vladimir Putin", info: "Moscow, Red Square 1-7, phone: +7(906)777-12-34", accessCriteria: "11111111",
        type: 1, start: 1_262_304_000, finish: 2_524_608_000)

    /// `GET ?op=add` (admin): the add form, filled from the card with the highest serial.
    func addForm(_ page: PanelPage, started: Date) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=smartcards") }
        return renderCardForm(page, card: try template(page), status: .ok, error: nil, started: started)
    }

    /// `POST ?op=add` (admin): one new card with the next serial and a key from the CSPRNG, its
    /// `Add new smartcard …` log row and a change-queue row in one transaction.
    func addCard(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        guard page.role == .admin else { return Router.page(.forbidden, "Only the admin panel adds cards.") }
        let base = try template(page)
        var fields = form.fields
        fields[PHPArrayKey("key")] = nil
        let edit: CardEditForm
        do {
            edit = try CardEditForm(fields: fields, card: base, role: page.role, dates: dates)
        } catch {
            return renderCardForm(page, card: base, status: .badRequest, error: error.description, started: started)
        }
        let quantityText = form.fields["quantity"]?.text ?? "1"
        guard let quantity = Int(quantityText), (1...Self.maxQuantity).contains(quantity) else {
            return renderCardForm(
                page, card: base, status: .badRequest, error: "QUANTITY must be a number from 1 to \(Self.maxQuantity).", started: started)
        }
        var cards: [Card] = []
        for _ in 0..<quantity {
            var card = edit.card
            card.key = PanelRandom.hex(try PanelRandom.bytes(16)).uppercased()
            card.createdAt = page.now
            card.editedAt = page.now
            card.status = 1
            card.networkID = 1
            cards.append(card)
        }
        let prepared = cards
        let now = page.now
        let ip = page.ip
        let user = page.role.userName
        let requestID = RequestID.random()
        let outcome = try page.connection.runTransaction(requestID: requestID, logger: logger) { connection in
            let first = try connection.cards.nextSerial()
            for (offset, card) in prepared.enumerated() {
                var inserted = card
                inserted.serialNo = first + UInt32(offset)
                try connection.cards.insert(inserted)
                let message = LogText.clean("Add new smartcard \(inserted.serialNo). Name:\(inserted.name). Info:\(inserted.info ?? "").")
                try connection.logs.append(LogEntry(message: message, user: user, time: Int32(truncatingIfNeeded: now), ip: ip))
                try connection.changeQueue.record(
                    serial: inserted.serialNo, fields: ["serial_no", "name", "info", "key", "access_criteria", "type", "pair", "start", "finish"],
                    source: .panel, requestID: requestID, at: now)
            }
            return first
        }
        let first = outcome.value ?? 0
        return Self.redirect(
            to: "\(page.role.basePath)?op=smartcards&added=\(first)" + (quantity > 1 ? "&count=\(quantity)" : ""))
    }

    /// The most cards one add creates.
    static let maxQuantity = 1000

    /// The card with the highest serial as a template for a new one (id 0), or the defaults.
    func template(_ page: PanelPage) throws -> Card {
        let highest = try page.connection.cardListing.highest()
        var card = highest ?? Self.defaultNewCard
        card.id = 0
        card.key = ""
        card.pair = 0
        return card
    }
}
