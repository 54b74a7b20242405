import Foundation
import TVCASDatabase

extension PanelController {
    /// The fields of the edit form; a GET carrying any of them is a legacy state change (405).
    static let cardFields = ["name", "info", "access_criteria", "pair", "type", "key", "start", "finish"]

    /// `GET ?op=card&serial_no=N`: the edit form.
    func cardForm(_ page: PanelPage, started: Date) throws -> Response {
        guard let serial = page.query("serial_no").flatMap(UInt32.init) else {
            return Router.page(.badRequest, "serial_no must be a card's serial number.")
        }
        let carried = Self.cardFields.compactMap { name in page.query(name).map { (name, $0) } }
        if !carried.isEmpty {
            return postForm(
                page, title: "Edit smartcard", explanation: "Changing a card needs a POST; confirm the change with this form.",
                action: "\(page.role.basePath)?op=card&serial_no=\(serial)", fields: carried, button: "Edit smartcard", started: started)
        }
        guard let card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        return renderCardForm(page, card: card, status: .ok, error: nil, started: started)
    }

    /// `POST ?op=card&serial_no=N` (or the original's `POST op=edit, serial_no`): validates,
    /// then writes the card, the `Edit smartcard <serial>` log row and a change-queue row in
    /// one transaction, and answers 303 to the list with a message.
    func saveCard(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        let serialText = form.fields["serial_no"]?.text ?? page.query("serial_no") ?? ""
        guard let serial = UInt32(serialText) else { return Router.page(.badRequest, "serial_no must be a card's serial number.") }
        guard let card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        let edit: CardEditForm
        do {
            edit = try CardEditForm(fields: form.fields, card: card, role: page.role, dates: dates)
        } catch {
            return renderCardForm(page, card: card, status: .badRequest, error: error.description, started: started)
        }
        var edited = edit.card
        edited.editedAt = page.now
        let entry = page.logEntry("Edit smartcard \(serial)")
        let requestID = RequestID.random()
        let columns = edit.changedColumns
        _ = try page.connection.runTransaction(requestID: requestID, logger: logger) { connection in
            try connection.cards.update(edited)
            try connection.logs.append(entry)
            if !columns.isEmpty {
                try connection.changeQueue.record(serial: serial, fields: columns, source: .panel, requestID: requestID, at: page.now)
            }
        }
        return Self.redirect(to: "\(page.role.basePath)?op=smartcards&edited=\(serial)")
    }

    func renderCardForm(_ page: PanelPage, card: Card, status: HTTPStatus, error: String?, started: Date) -> Response {
        render(
            page, status: status, title: "Smartcards", template: "card", context: cardFormContext(page, card: card), error: error, started: started)
    }

    /// What the card form template shows for `card` (id 0: a new card).
    func cardFormContext(_ page: PanelPage, card: Card) -> [String: Any] {
        let names = (try? page.connection.packageNames.all()) ?? [:]
        let mask = UInt32(card.accessCriteria, radix: 16) ?? 0
        let packages: [[String: Any]] = (0..<32).reversed().map { bit in
            ["bit": bit, "label": names[bit] ?? "", "on": mask & (1 << UInt32(bit)) != 0]
        }
        let isNew = card.id == 0
        return [
            "heading": isNew ? "Add new smartcard" : "Edit smartcard #\(SerialText.grouped(card.serialNo))", "isNew": isNew,
            "action": isNew ? "\(page.role.basePath)?op=add" : "\(page.role.basePath)?op=card&serial_no=\(card.serialNo)",
            "button": isNew ? "Add smartcard" : "Edit smartcard",
            "serial": SerialText.grouped(card.serialNo), "serialNo": card.serialNo, "name": card.name, "info": card.info ?? "",
            "accessCriteria": card.accessCriteria, "paired": card.pair != 0, "protected": card.type == 1, "key": card.key,
            "start": dates.field(card.start), "finish": dates.field(card.finish), "packages": packages,
        ]
    }
}
