import Foundation
import Logging
import TVCASConfig
import TVCASCore
import TVCASDatabase

/// The admin panel (`/cas/`) and the operator panel (`/`): one set of handlers and templates,
/// the role deciding what is shown and allowed (issue 12, decisions.md §5).
public struct PanelController: Sendable {
    let templates: PanelTemplates
    let credentials: BasicCredentials
    let throttle = LoginThrottle()
    let metrics = WebMetrics()
    let sessionPruner = SessionPruner()
    let statelessCSRF: StatelessCSRFToken
    let database: PanelConnection
    let dates: PanelDates
    let cardBinSettings: CardBinSettings?
    let ecmKey: String
    let zoneName: String
    let idleSeconds: UInt32
    let logger: Logger

    /// The panels for `configuration`, with templates from `templateDirectory` (found with
    /// `$TVCAS_TEMPLATES` or next to the repository when nil).
    public init(configuration: Configuration, templateDirectory: URL? = nil, logger: Logger) throws {
        templates = try PanelTemplates(directory: try templateDirectory ?? PanelTemplates.locateDirectory())
        credentials = BasicCredentials(admin: configuration.adminPassword, oper: configuration.operatorPassword)
        statelessCSRF = StatelessCSRFToken(secret: configuration.web.secret)
        database = PanelConnection(settings: DatabaseSettings(configuration.database))
        dates = PanelDates(zone: configuration.zone.timeZone)
        zoneName = configuration.zone.text
        ecmKey = configuration.ecmKey
        cardBinSettings = try? CardBinSettings(
            ident: CardIdent(configuration.ident), trademark: configuration.trademark, ecmKey: ECMKey(hex: configuration.ecmKey),
            zone: ConaxTimeZone(configuration.zone.timeZone))
        idleSeconds = UInt32(max(1, configuration.web.sessionIdleMinutes) * 60)
        self.logger = logger
    }

    /// Mounts both panels on `router`.
    public func mount(on router: inout Router) {
        for role in PanelRole.allCases {
            for path in role.paths {
                router.add(path) { try self.respond(to: $0, role: role) }
            }
        }
    }

    /// The answer to a request for the panel of `role`.
    func respond(to request: Request, role: PanelRole) throws -> Response {
        let started = Date()
        let now = UInt32(started.timeIntervalSince1970)
        let op = request.query["op"]?.text ?? ""
        let connection = database.current()
        sessionPruner.pruneIfDue(at: now, idleSeconds: idleSeconds, connection: connection, logger: logger)
        if op == "login" { return try login(request, role: role, now: now, connection: connection) }
        let identity: PanelIdentity
        switch try authenticate(request, role: role, now: now, connection: connection) {
        case .success(let found): identity = found
        case .failure(let answer): return answer
        }
        let csrf: String
        switch identity {
        case .basic: csrf = statelessCSRF.token(role: role, at: now)
        case .session(let session): csrf = session.csrfToken
        }
        let page = PanelPage(role: role, identity: identity, request: request, now: now, csrf: csrf, connection: connection)
        if request.method == "POST" {
            let form = try request.form()
            guard acceptsCSRF(form.fields["csrf"]?.text ?? "", page: page) else {
                return render(
                    page, status: .forbidden, title: "Forbidden", template: nil,
                    error: "The form has expired or did not come from this panel. Reload the page and try again.", started: started)
            }
            return try post(page, form: form, started: started)
        }
        return try get(page, started: started)
    }

    /// GET pages.
    private func get(_ page: PanelPage, started: Date) throws -> Response {
        switch page.op {
        case "smartcards" where page.query("csv") == "export": return try exportCSV(page)
        case "smartcards" where page.query("csv") == "import": return importCSVForm(page, started: started)
        case "smartcards": return try smartcards(page, started: started)
        case "card": return try cardForm(page, started: started)
        case "add": return try addForm(page, started: started)
        case "remove": return try removeForm(page, started: started)
        case "packages": return try packagesForm(page, started: started)
        case "ecmg": return try ecmgPage(page, started: started)
        case "emmg": return try emmgPage(page, started: started)
        case "log": return try logPage(page, started: started)
        case "logout":
            return postForm(
                page, title: "Logout", explanation: "Logging out changes state, so it needs a POST.", action: "\(page.role.basePath)?op=logout",
                fields: [], button: "Log out", started: started)
        default: return Self.redirect(to: "\(page.role.basePath)?op=smartcards")
        }
    }

    /// POST actions (the CSRF token is already checked).
    private func post(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        switch page.op {
        case "smartcards" where page.query("csv") == "import": return try importCSV(page, form: form, started: started)
        case "logout": return try logout(page)
        case "card": return try saveCard(page, form: form, started: started)
        case "add": return try addCard(page, form: form, started: started)
        case "remove": return try removeCard(page, form: form)
        case "pair": return try toggleCard(page, form: form, toggle: .pair)
        case "ac": return try cycleAccessCriteria(page, form: form)
        case "packages": return try savePackages(page, form: form, started: started)
        case "type": return try toggleCard(page, form: form, toggle: .type)
        case "ecmg": return try generatorAction(page, form: form, kind: .ecmg, started: started)
        case "emmg": return try generatorAction(page, form: form, kind: .emmg, started: started)
        case "log": return try logAction(page, form: form)
        case "smartcards": return try legacySmartcardsPost(page, form: form, started: started)
        default: return Self.redirect(to: "\(page.role.basePath)?op=smartcards")
        }
    }

    /// Whether `offered` is this page's CSRF token (for Basic, today's or yesterday's).
    func acceptsCSRF(_ offered: String, page: PanelPage) -> Bool {
        switch page.identity {
        case .basic: statelessCSRF.accepts(offered, role: page.role, at: page.now)
        case .session(let session): CSRFCheck.equal(session.csrfToken, offered)
        }
    }

    /// A 303 to `location`.
    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var response = Response(status: .seeOther, contentType: "text/html; charset=utf-8", text: "")
        response.addHeader("Location", location)
        for cookie in cookies { response.addHeader("Set-Cookie", cookie) }
        response.addHeader("Cache-Control", "no-cache, no-store")
        return response
    }
}
