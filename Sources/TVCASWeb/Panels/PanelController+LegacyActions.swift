import Foundation
import TVCASDatabase

extension PanelController {
    /// A POST to `?op=smartcards` in the original's AJAX form (panels.md §3.3), for scripts
    /// written against it (they now send a CSRF token too, decisions.md §5):
    /// `op=edit` (the edit form), `op=remove&id=<row id>` → `ok`, `op=pair&id&val=true|false`
    /// → `0`/`1`, `op=type&id&val=true|false` → `1` when protected else `0` (admin), and
    /// `ac=<current>&id` → the new access criteria. Each runs the same action as the panels'
    /// own forms (log row, change queue), answering the original's plain text.
    func legacySmartcardsPost(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        let action = form.fields["op"]?.text ?? (form.fields["ac"] != nil ? "ac" : "")
        if action == "edit" { return try saveCard(page, form: form, started: started) }
        guard ["remove", "pair", "type", "ac"].contains(action) else { return Self.redirect(to: "\(page.role.basePath)?op=smartcards") }
        guard let id = (form.fields["id"]?.text).flatMap(UInt32.init) else {
            return Router.page(.badRequest, "id must be a card's row id.")
        }
        guard let card = try page.connection.cards.find(id: id) else { return Router.page(.notFound, "There is no smartcard with id \(id).") }
        var translated = FormBody()
        translated.fields[PHPArrayKey("serial_no")] = .string(Array(String(card.serialNo).utf8))
        let answer: Response
        switch action {
        case "remove":
            answer = try removeCard(page, form: translated)
        case "pair", "type":
            guard let on = form.fields["val"]?.text.flatMap({ ["true": "1", "false": "0", "1": "1", "0": "0"][$0] }) else {
                return Router.page(.badRequest, "val must be true or false.")
            }
            translated.fields[PHPArrayKey("val")] = .string(Array(on.utf8))
            answer = try toggleCard(page, form: translated, toggle: action == "pair" ? .pair : .type)
        default:
            answer = try cycleAccessCriteria(page, form: translated)
        }
        guard answer.status == .seeOther else { return answer }
        let text: String
        if action == "remove" {
            text = "ok"
        } else {
            guard let changed = try page.connection.cards.find(id: id) else { return Router.page(.notFound, "The smartcard is gone.") }
            switch action {
            case "pair": text = changed.pair != 0 ? "1" : "0"
            case "type": text = changed.type == 1 ? "1" : "0"
            default: text = changed.accessCriteria
            }
        }
        var response = Response(status: .ok, contentType: "text/plain; charset=utf-8", text: text)
        response.addHeader("Cache-Control", "no-cache, no-store")
        return response
    }
}
