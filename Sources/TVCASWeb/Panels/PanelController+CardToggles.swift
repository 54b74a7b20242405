import Foundation
import TVCASDatabase

extension PanelController {
    /// A flag the list toggles with one POST.
    enum CardToggle: String {
        /// `pair` (both panels).
        case pair
        /// `type`, the protection (admin only): 1 on, 2 off.
        case type
    }

    /// `POST ?op=pair` / `POST ?op=type` with `serial_no` and `val` (`1` on, `0` off): sets the
    /// flag and `edit`; the admin's toggles also move `start` by one second, as the original, so
    /// the card's EMM changes. Logs `Edit PAIR=<v> for smartcard=<sn>` / `Edit TYPE=<1|2> …` and
    /// queues the change, in one transaction.
    func toggleCard(_ page: PanelPage, form: FormBody, toggle: CardToggle) throws -> Response {
        if toggle == .type, page.role != .admin { return Router.page(.forbidden, "Only the admin panel sets the protection.") }
        guard let serial = (form.fields["serial_no"]?.text).flatMap(UInt32.init) else {
            return Router.page(.badRequest, "serial_no must be a card's serial number.")
        }
        guard let on = form.fields["val"]?.text.flatMap({ ["1": true, "0": false][$0] }) else {
            return Router.page(.badRequest, "val must be 1 or 0.")
        }
        guard var card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        var fields: [String]
        let message: String
        switch toggle {
        case .pair:
            card.pair = on ? 1 : 0
            message = "Edit PAIR=\(card.pair) for smartcard=\(serial)"
            fields = ["pair"]
        case .type:
            card.type = on ? 1 : 2
            message = "Edit TYPE=\(card.type) for smartcard=\(serial)"
            fields = ["type"]
        }
        if page.role == .admin, let start = card.start, start < UInt32.max {
            card.start = start + 1
            fields.append("start")
        }
        card.editedAt = page.now
        let edited = card
        let entry = page.logEntry(message)
        let requestID = RequestID.random()
        let now = page.now
        _ = try page.connection.runTransaction(requestID: requestID, logger: logger) { connection in
            try connection.cards.update(edited)
            try connection.logs.append(entry)
            try connection.changeQueue.record(serial: serial, fields: fields, source: .panel, requestID: requestID, at: now)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=smartcards&edited=\(serial)")
    }
}
