import TVCASDatabase

extension PanelController {
    /// What authentication decided: who it is, or the answer to send instead.
    enum Authentication {
        /// Authenticated.
        case success(PanelIdentity)
        /// Not authenticated: send this.
        case failure(Response)
    }

    /// Basic credentials when sent (a wrong one is a failed login), else the panel's session
    /// cookie, else a 303 to the login form.
    func authenticate(_ request: Request, role: PanelRole, now: UInt32, connection: Connection) throws -> Authentication {
        let address = request.remoteAddress
        if let authorization = request.header("Authorization"), authorization.lowercased().hasPrefix("basic") {
            guard !throttle.isPaused(address, at: now) else { return .failure(Self.throttled()) }
            if let (user, password) = BasicCredentials.parse(authorization),
                credentials.check(user: user, password: password, role: role)
            {
                return .success(.basic)
            }
            try recordFailedLogin(role: role, request: request, now: now, connection: connection)
            var response = Router.page(HTTPStatus(401, "Unauthorized"), "Wrong user name or password.")
            response.addHeader("WWW-Authenticate", "Basic realm=\"admin\"")
            return .failure(response)
        }
        if let id = request.cookies[role.cookieName], !id.isEmpty,
            let session = try connection.panelSessions.find(id: id, seenSince: now &- idleSeconds), session.role == role.rawValue
        {
            try connection.panelSessions.touch(id: id, at: now)
            return .success(.session(session))
        }
        return .failure(Self.redirect(to: "\(role.basePath)?op=login"))
    }

    /// Logs `Login failed for the <role> panel` (type 1) and counts the failure for the address.
    func recordFailedLogin(role: PanelRole, request: Request, now: UInt32, connection: Connection) throws {
        throttle.recordFailure(request.remoteAddress, at: now)
        let ip = request.remoteAddress.isEmpty ? "127.0.0.1" : request.remoteAddress
        try connection.logs.append(
            LogEntry(
                message: "Login failed for the \(role.rawValue) panel", type: 1, user: role.userName, time: Int32(truncatingIfNeeded: now), ip: ip))
        metrics.recordLogin(panel: role.rawValue, succeeded: false)
        logger.notice("panel login failed", metadata: ["panel": "\(role.rawValue)", "ip": "\(ip)", "request": "\(request.id)"])
    }

    /// The answer while an address is paused.
    static func throttled() -> Response {
        var response = Router.page(.tooManyRequests, "Too many failed logins from this address. Try again in a minute.")
        response.addHeader("Retry-After", "\(LoginThrottle.pause)")
        return response
    }

    /// The `Set-Cookie` value for a session id (`Max-Age=0` clears it).
    func sessionCookie(_ id: String, role: PanelRole, secure: Bool, clear: Bool = false) -> String {
        var cookie = "\(role.cookieName)=\(id); Path=\(role.cookiePath); HttpOnly; SameSite=Strict"
        if clear { cookie += "; Max-Age=0" }
        if secure { cookie += "; Secure" }
        return cookie
    }
}
