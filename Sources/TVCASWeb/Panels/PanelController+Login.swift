import Foundation
import TVCASDatabase

extension PanelController {
    /// `?op=login`: the form (GET) and its check (POST). The answer never says which part was
    /// wrong; five failures in five minutes pause the address for a minute.
    func login(_ request: Request, role: PanelRole, now: UInt32, connection: Connection) throws -> Response {
        let started = Date()
        guard request.method == "POST" else { return loginPage(role: role, status: .ok, error: nil, started: started) }
        guard !throttle.isPaused(request.remoteAddress, at: now) else { return Self.throttled() }
        let form = try request.form()
        let user = form.fields["user"]?.text ?? ""
        let password = form.fields["password"]?.text ?? ""
        guard credentials.check(user: user, password: password, role: role) else {
            try recordFailedLogin(role: role, request: request, now: now, connection: connection)
            return loginPage(role: role, status: HTTPStatus(401, "Unauthorized"), error: "Wrong user name or password.", started: started)
        }
        let session = PanelSession(
            id: try PanelRandom.hexToken(), role: role.rawValue, csrfToken: try PanelRandom.hexToken(), ip: request.remoteAddress,
            createdAt: now, lastSeenAt: now)
        try connection.panelSessions.create(session)
        try connection.panelSessions.deleteIdle(before: now &- idleSeconds, limit: 100)
        try connection.logs.append(
            LogEntry(
                message: "The user logged in to the \(role.rawValue) panel", user: role.userName, time: Int32(truncatingIfNeeded: now),
                ip: request.remoteAddress.isEmpty ? "127.0.0.1" : request.remoteAddress))
        metrics.recordLogin(panel: role.rawValue, succeeded: true)
        logger.info("panel login", metadata: ["panel": "\(role.rawValue)", "ip": "\(request.remoteAddress)", "request": "\(request.id)"])
        return Self.redirect(
            to: "\(role.basePath)?op=smartcards", cookies: [sessionCookie(session.id, role: role, secure: request.isHTTPS)])
    }

    /// `?op=logout` by POST: ends the session and clears the cookie.
    func logout(_ page: PanelPage) throws -> Response {
        if case .session(let session) = page.identity { try page.connection.panelSessions.delete(id: session.id) }
        return Self.redirect(
            to: "\(page.role.basePath)?op=login", cookies: [sessionCookie("", role: page.role, secure: page.request.isHTTPS, clear: true)])
    }

    private func loginPage(role: PanelRole, status: HTTPStatus, error: String?, started: Date) -> Response {
        let content = templates.render("login", ["base": role.basePath, "brand": role.brand])
        return layout(
            role: role, op: "login", title: "Login", content: content, status: status, nav: false, session: false, csrf: "",
            search: nil, message: nil, error: error, started: started)
    }
}
