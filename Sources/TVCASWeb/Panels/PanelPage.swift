import TVCASDatabase

/// One authenticated panel request being answered: who, for which panel, when.
struct PanelPage {
    /// The panel.
    let role: PanelRole
    /// How the request was authenticated.
    let identity: PanelIdentity
    /// The request.
    let request: Request
    /// Unix time at the start of the request.
    let now: UInt32
    /// The CSRF token forms on this page carry.
    let csrf: String
    /// The database connection of this thread.
    let connection: Connection

    /// The `op` of the query.
    var op: String { query("op") ?? "" }

    /// A query parameter as text.
    func query(_ name: String) -> String? { request.query[name]?.text }

    /// The client address for log rows (`127.0.0.1` when absent, as the original).
    var ip: String { request.remoteAddress.isEmpty ? "127.0.0.1" : request.remoteAddress }

    /// A `tvcas_logs` row written by this panel's user.
    func logEntry(_ message: String, type: Int32 = 0) -> LogEntry {
        LogEntry(message: LogText.clean(message), type: type, user: role.userName, time: Int32(truncatingIfNeeded: now), ip: ip)
    }
}

/// The original's cleaning of log text: `` ` ' ; % `` removed.
enum LogText {
    static func clean(_ text: String) -> String { text.filter { !"`';%".contains($0) } }
}
