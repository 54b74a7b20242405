import Foundation
import TVCASDatabase

extension PanelController {
    /// `GET ?op=remove&serial_no=N` (admin): asks "Really remove?" with a POST form.
    func removeForm(_ page: PanelPage, started: Date) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=smartcards") }
        guard let serial = page.query("serial_no").flatMap(UInt32.init) else {
            return Router.page(.badRequest, "serial_no must be a card's serial number.")
        }
        guard let card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        return render(
            page, title: "Smartcards", template: "post-form",
            context: [
                "explanation": "Really remove smartcard \(SerialText.grouped(serial)) (\(card.name))?",
                "action": "\(page.role.basePath)?op=remove", "button": "Remove smartcard",
                "fields": [["name": "serial_no", "value": String(serial)]],
            ], started: started)
    }

    /// `POST ?op=remove` with `serial_no` (admin): deletes the card and logs the original's
    /// `Remove smartcard <sn>. Name:<name>. Info:<info>` (type 1) in one transaction.
    func removeCard(_ page: PanelPage, form: FormBody) throws -> Response {
        guard page.role == .admin else { return Router.page(.forbidden, "Only the admin panel removes cards.") }
        guard let serial = (form.fields["serial_no"]?.text).flatMap(UInt32.init) else {
            return Router.page(.badRequest, "serial_no must be a card's serial number.")
        }
        guard let card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        let entry = page.logEntry("Remove smartcard \(serial). Name:\(card.name). Info:\(card.info ?? "")", type: 1)
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.cards.delete(id: card.id)
            try connection.logs.append(entry)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=smartcards&removed=\(serial)")
    }
}
