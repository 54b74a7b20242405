/// Which `tvcas_logs` rows the admin's log viewer shows (panels.md §6, issue 13): every
/// condition that is set must hold.
public struct LogFilter: Sendable, Equatable {
    /// Only rows of this `type` (0 normal, 1 important).
    public var type: Int32?
    /// Only rows of this `user` (exact).
    public var user: String?
    /// Only rows with `time` at or after this unix time.
    public var from: Int32?
    /// Only rows with `time` at or before this unix time.
    public var to: Int32?
    /// Only rows whose `msg`, `user` or `ip` contains this text (literally, case-insensitively),
    /// as the original's search.
    public var text: String?

    /// A filter; nothing set shows every row.
    public init(type: Int32? = nil, user: String? = nil, from: Int32? = nil, to: Int32? = nil, text: String? = nil) {
        self.type = type
        self.user = user
        self.from = from
        self.to = to
        self.text = text
    }

    /// The WHERE conditions (joined by AND, without the keyword) and their values.
    var conditions: (sql: [String], values: [any SQLValueConvertible]) {
        var sql: [String] = []
        var values: [any SQLValueConvertible] = []
        if let type {
            sql.append("type = ?")
            values.append(type)
        }
        if let user {
            sql.append("user = ?")
            values.append(user)
        }
        if let from {
            sql.append("time >= ?")
            values.append(from)
        }
        if let to {
            sql.append("time <= ?")
            values.append(to)
        }
        if let text, !text.isEmpty {
            let pattern = "%" + Self.likeEscaped(text) + "%"
            sql.append("(msg LIKE ? OR user LIKE ? OR ip LIKE ?)")
            values += [pattern, pattern, pattern]
        }
        return (sql, values)
    }

    /// `text` with LIKE's `\`, `%` and `_` escaped, so it matches literally.
    static func likeEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
