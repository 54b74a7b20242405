import Foundation
import TVCASDatabase

extension PanelController {
    /// A POST to `?op=smartcards` in the original's AJAX form (panels.md §3.3), for scripts
    /// written against it (they now send a CSRF token too, decisions.md §5):
    /// `op=edit` (the edit form), `op=remove&id=<row id>` → `ok`, `op=pair&id&val=true|false`
    /// → `0`/`1`, `op=type&id&val=true|false` → `1` when protected else `0` (admin), and
    /// `ac=<current>&id` → the new access criteria, and `op=sm&val=…` → the card form as the
    /// original's modal JSON. Each runs the same action as the panels'
    /// own forms (log row, change queue), answering the original's plain text.
    func legacySmartcardsPost(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        let action = form.fields["op"]?.text ?? (form.fields["ac"] != nil ? "ac" : "")
        if action == "edit" { return try saveCard(page, form: form, started: started) }
        if action == "sm" { return try legacyCardModal(page, form: form) }
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

    /// `op=sm&val=<serial>` (edit), `val=0` (add one, admin) or `val=-1` (add several, admin):
    /// the card form as the original's modal answer, `{"status":"ok","title":…,"body":…,"footer":…}`
    /// (the body is the same form the `op=card` and `op=add` pages show, with its CSRF token).
    func legacyCardModal(_ page: PanelPage, form: FormBody) throws -> Response {
        guard let value = (form.fields["val"]?.text).flatMap({ Int64($0) }), value >= -1 else {
            return Router.page(.badRequest, "val must be a card's serial number, 0 or -1.")
        }
        let card: Card
        if value > 0 {
            guard let serial = UInt32(exactly: value), let found = try page.connection.cards.find(serial: serial) else {
                return Router.page(.notFound, "There is no smartcard \(value).")
            }
            card = found
        } else {
            guard page.role == .admin else { return Router.page(.forbidden, "Only the admin panel adds cards.") }
            card = try template(page)
        }
        var context = cardFormContext(page, card: card)
        context["base"] = page.role.basePath
        context["csrf"] = page.csrf
        context["isAdmin"] = page.role == .admin
        if value == -1 {
            context["heading"] = "Add new smartcards"
            context["button"] = "Add smartcards"
            context["quantity"] = 10
        }
        let heading = (context["heading"] as? String) ?? ""
        let answer: [String: String] = [
            "status": "ok", "title": heading.replacingHTMLSpecials, "body": templates.render("card", context), "footer": "",
        ]
        let json = (try? JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])) ?? Data("{}".utf8)
        var response = Response(status: .ok, contentType: "application/json; charset=utf-8", text: String(decoding: json, as: UTF8.self))
        response.addHeader("Cache-Control", "no-cache, no-store")
        return response
    }
}
