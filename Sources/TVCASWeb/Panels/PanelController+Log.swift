import Foundation
import TVCASDatabase

extension PanelController {
    /// Log lines per page (panels.md §6).
    static let logPageSize = 50

    /// `GET /cas/?op=log` (admin; the operator panel has no log page): the log newest first,
    /// filtered by `type`, `user`, `from`/`to` (`dd.mm.YYYY HH:MM[:SS]`, a date alone meaning
    /// its whole day) and text (`s`, as the original's search), a page after `before` (an id).
    /// `confirm=clear` asks before clearing; `clear=1` by GET answers 405 with the same form.
    func logPage(_ page: PanelPage, started: Date) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=smartcards") }
        if page.query("clear") != nil || page.query("confirm") == "clear" {
            let count = try page.connection.logs.count(LogFilter())
            let legacy = page.query("clear") != nil
            return render(
                page, status: legacy ? .methodNotAllowed : .ok, title: "Log", template: "post-form",
                context: [
                    "heading": legacy ? "This action needs a POST" : "Clear the log",
                    "explanation": (legacy ? "Clearing the log changes state, so it needs a POST. " : "")
                        + "Really clear the whole log (\(count) entries)? A line saying so stays.",
                    "action": "\(page.role.basePath)?op=log", "button": "Clear [\(count)]", "fields": [["name": "clear", "value": "1"]],
                ], started: started)
        }
        let search = page.query("s") ?? ""
        var filter = LogFilter(text: search.isEmpty ? nil : search)
        var problems: [String] = []
        let typeText = page.query("type") ?? ""
        switch typeText {
        case "": break
        case "0", "1": filter.type = Int32(typeText)
        default: problems.append("type must be 0 (normal) or 1 (important).")
        }
        let user = (page.query("user") ?? "").trimmingSpaces
        if !user.isEmpty { filter.user = user }
        let fromText = (page.query("from") ?? "").trimmingSpaces
        if !fromText.isEmpty {
            if let time = dates.parse(fromText) {
                filter.from = Int32(clamping: Int64(time))
            } else {
                problems.append("FROM must be a date as dd.mm.YYYY HH:MM.")
            }
        }
        let toText = (page.query("to") ?? "").trimmingSpaces
        if !toText.isEmpty {
            if let time = dates.parse(toText) {
                filter.to = Int32(clamping: Int64(time) + Self.lastSecond(of: toText))
            } else {
                problems.append("TO must be a date as dd.mm.YYYY HH:MM.")
            }
        }
        var before: UInt32?
        if let text = page.query("before"), !text.isEmpty {
            guard let id = UInt32(text) else { return Router.page(.badRequest, "before must be a log line's id.") }
            before = id
        }
        let entries = problems.isEmpty ? try page.connection.logs.page(filter, before: before, limit: Self.logPageSize + 1) : []
        let shown = entries.prefix(Self.logPageSize)
        let terms = search.isEmpty ? [] : [search]
        let lines: [[String: Any]] = shown.map { entry in
            [
                "time": dates.full(Int64(entry.time)), "userHTML": Highlight.html(entry.user, terms: terms),
                "messageHTML": Highlight.html(entry.message, terms: terms), "ipHTML": Highlight.html(entry.ip, terms: terms),
                "important": entry.type == 1,
            ]
        }
        var query = ""
        if !search.isEmpty { query += "&s=" + Self.urlEncoded(search) }
        if !typeText.isEmpty { query += "&type=" + Self.urlEncoded(typeText) }
        if !user.isEmpty { query += "&user=" + Self.urlEncoded(user) }
        if !fromText.isEmpty { query += "&from=" + Self.urlEncoded(fromText) }
        if !toText.isEmpty { query += "&to=" + Self.urlEncoded(toText) }
        var context: [String: Any] = [
            "lines": lines, "search": search, "user": user, "from": fromText, "to": toText,
            "types": [
                ["value": "", "label": "any type", "selected": typeText.isEmpty],
                ["value": "0", "label": "normal", "selected": typeText == "0"],
                ["value": "1", "label": "important", "selected": typeText == "1"],
            ],
            "users": ["admin", "oper", "API", "cron", "sys"],
            "clear": "\(page.role.basePath)?op=log&confirm=clear",
        ]
        if entries.count > Self.logPageSize, let last = shown.last { context["next"] = "\(page.role.basePath)?op=log\(query)&before=\(last.id)" }
        if before != nil { context["first"] = "\(page.role.basePath)?op=log\(query)" }
        var message: String?
        if let count = page.query("cleared").flatMap(UInt64.init) { message = "The log was cleared (\(count) entries removed)." }
        return render(
            page, status: problems.isEmpty ? .ok : .badRequest, title: "Log", template: "log", context: context, message: message,
            error: problems.isEmpty ? nil : problems.joined(separator: " "), started: started)
    }

    /// The seconds a `to` bound covers after its start: a date alone is its whole day, a time
    /// without seconds its whole minute.
    static func lastSecond(of text: String) -> Int64 {
        if !text.contains(" ") { return 86_399 }
        return text.filter { $0 == ":" }.count == 1 ? 59 : 0
    }

    /// `POST /cas/?op=log` with `clear=1` (admin): deletes every line and writes `Clear log,
    /// <n> entries removed` (type 1) in the same transaction, so clearing leaves a trace
    /// (the original's TRUNCATE left none, security.md F1).
    func logAction(_ page: PanelPage, form: FormBody) throws -> Response {
        guard page.role == .admin else { return Router.page(.forbidden, "Only the admin panel clears the log.") }
        guard form.fields["clear"]?.text == "1" else { return Router.page(.badRequest, "Send clear=1 to clear the log.") }
        let template = page.logEntry("Clear log", type: 1)
        let outcome = try page.connection.runTransaction(logger: logger) { connection in
            let removed = try connection.logs.clear()
            var entry = template
            entry.message = "Clear log, \(removed) entries removed"
            try connection.logs.append(entry)
            return removed
        }
        return Self.redirect(to: "\(page.role.basePath)?op=log&cleared=\(outcome.value ?? 0)")
    }
}
