import TVCASDatabase

/// How a panel request was authenticated.
enum PanelIdentity: Sendable {
    /// HTTP Basic for this request only (no session).
    case basic
    /// The login form's session.
    case session(PanelSession)
}
