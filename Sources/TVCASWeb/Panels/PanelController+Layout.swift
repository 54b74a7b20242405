import Foundation

extension PanelController {
    /// The navbar items of a panel: (op, label).
    static func navigation(_ role: PanelRole) -> [(op: String, label: String)] {
        switch role {
        case .admin:
            [("smartcards", "My Smartcards"), ("ecmg", "ECM Generators"), ("emmg", "EMM Generators"), ("log", "Logs"), ("packages", "Packages")]
        case .oper: [("smartcards", "Smartcards"), ("ecmg", "ECM Generators"), ("emmg", "EMM Generators")]
        }
    }

    /// A full page of an authenticated request: `template` rendered with `context` inside the layout.
    func render(
        _ page: PanelPage, status: HTTPStatus = .ok, title: String, template: String?, context: [String: Any] = [:],
        message: String? = nil, error: String? = nil, started: Date
    ) -> Response {
        var full = context
        full["base"] = page.role.basePath
        full["csrf"] = page.csrf
        full["isAdmin"] = page.role == .admin
        let content = template.map { templates.render($0, full) } ?? ""
        var session = false
        if case .session = page.identity { session = true }
        let mismatched = (try? page.connection.ecmKeyMismatches.ids(configuredKey: ecmKey)) ?? []
        let warning =
            mismatched.isEmpty
            ? nil
            : "ECM key doesnt match: " + mismatched.map { "ECMG_\($0)" }.joined(separator: ", ")
                + " encrypt with another key than the configuration's ecm_key."
        return layout(
            role: page.role, op: page.op, title: title, content: content, status: status, nav: true, session: session,
            csrf: page.csrf, search: ["smartcards", "log"].contains(page.op) ? (page.query("s") ?? "") : nil, message: message, error: error,
            warning: warning, started: started)
    }

    /// The layout around already-rendered `content`.
    func layout(
        role: PanelRole, op: String, title: String, content: String, status: HTTPStatus, nav: Bool, session: Bool, csrf: String,
        search: String?, message: String?, error: String?, warning: String? = nil, started: Date
    ) -> Response {
        let now = UInt32(Date().timeIntervalSince1970)
        let items: [[String: Any]] =
            nav
            ? Self.navigation(role).map { ["href": "\(role.basePath)?op=\($0.op)", "label": $0.label, "active": $0.op == op] }
                + (role == .admin ? [["href": "/", "label": "Exit", "active": false]] : [])
            : []
        var context: [String: Any] = [
            "title": title, "role": role.rawValue, "base": role.basePath, "brand": role.brand, "nav": items, "op": op,
            "showSearch": search != nil, "search": search ?? "", "loggedInBySession": session, "csrf": csrf, "content": content,
            "clock": dates.clock(now), "zone": zoneName, "year": dates.year(now), "isAdmin": role == .admin,
            "generated": String(format: "%.3f", Date().timeIntervalSince(started)),
        ]
        if let message { context["message"] = message }
        if let error { context["error"] = error }
        if let warning { context["warning"] = warning }
        var response = Response(status: status, contentType: "text/html; charset=utf-8", text: templates.render("layout", context))
        response.addHeader("Cache-Control", "no-cache, no-store")
        response.addHeader("X-Frame-Options", "DENY")
        response.addHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
        return response
    }

    /// The 405 page for a state change asked by GET: the same action as a POST form with a CSRF token.
    func postForm(
        _ page: PanelPage, title: String, explanation: String, action: String, fields: [(String, String)], button: String,
        started: Date
    ) -> Response {
        render(
            page, status: .methodNotAllowed, title: title, template: "post-form",
            context: [
                "explanation": explanation, "action": action, "button": button,
                "fields": fields.map { ["name": $0.0, "value": $0.1] },
            ], started: started)
    }
}
