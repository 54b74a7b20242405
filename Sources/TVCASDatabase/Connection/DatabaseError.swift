/// What went wrong talking to MariaDB or reading its answer.
public indirect enum DatabaseError: Error, Sendable, CustomStringConvertible {
    /// No node of the endpoint accepted a connection; the last node's error is given.
    case connectFailed(endpoint: String, code: UInt32, message: String)
    /// The server or the client library refused a statement (`code` is MariaDB's error number).
    case server(code: UInt32, sqlState: String, message: String, sql: String)
    /// The result has no column of this name.
    case missingColumn(String)
    /// The column held NULL, which the requested Swift type cannot hold.
    case unexpectedNull(column: String)
    /// The column's value cannot be read as the requested Swift type.
    case typeMismatch(column: String, expected: String, found: String)
    /// The statement has a different number of `?` placeholders than values were given.
    case parameterCount(expected: Int, given: Int, sql: String)
    /// A result value was longer than the buffer sized for it (a client-library surprise).
    case truncated(column: String)
    /// The connection pool has been shut down.
    case poolClosed
    /// A transaction was still failing with a retryable error after this many attempts.
    case retriesExhausted(attempts: Int, last: DatabaseError)

    /// MariaDB's error number, when the error came from the server or the client library.
    public var code: UInt32? {
        switch self {
        case .connectFailed(_, let code, _), .server(let code, _, _, _): code
        case .retriesExhausted(_, let last): last.code
        default: nil
        }
    }

    /// The connection is gone or unusable (server restart, KILL, network, a Galera node that
    /// left the primary component): rebuild the connection and its statements.
    ///
    /// 2002/2003 cannot connect, 2006 server gone away, 2013 lost connection during a query,
    /// 2055 lost connection (other), 1243 unknown prepared statement (after a silent
    /// reconnect), 1927 connection killed, 4031 disconnected for inactivity, 1047 Galera node
    /// not ready, 1180 Galera commit failed after losing the primary component (not committed).
    public var isConnectionLoss: Bool {
        guard case .some(let code) = self.code else { return false }
        return [2002, 2003, 2006, 2013, 2055, 1243, 1927, 4031, 1047, 1180].contains(code)
    }

    /// The database cannot be reached or has no primary component (a lost connection that
    /// outlasted the retries, or retries that ran out on one): the service is unavailable for
    /// now, the request itself was not wrong.
    public var isUnavailable: Bool {
        if case .retriesExhausted(_, let last) = self { return last.isConnectionLoss || last.isUnavailable }
        return isConnectionLoss
    }

    /// A deadlock or, on Galera, a certification conflict: the transaction has been rolled back
    /// (the session is back in autocommit) and must be run again from the start.
    public var isDeadlock: Bool { code == 1213 }

    /// A duplicate key.
    public var isDuplicateKey: Bool { code == 1062 }

    public var description: String {
        switch self {
        case .connectFailed(let endpoint, let code, let message):
            "cannot connect to MariaDB at \(endpoint): \(message) (error \(code))"
        case .server(let code, let sqlState, let message, let sql):
            "MariaDB error \(code) (\(sqlState)): \(message) [in: \(sql.prefix(200))]"
        case .missingColumn(let column): "the result has no column \(column)"
        case .unexpectedNull(let column): "column \(column) is NULL"
        case .typeMismatch(let column, let expected, let found): "column \(column): expected \(expected), found \(found)"
        case .parameterCount(let expected, let given, let sql):
            "statement takes \(expected) values, \(given) given [in: \(sql.prefix(200))]"
        case .truncated(let column): "column \(column) was truncated while reading"
        case .poolClosed: "the connection pool is shut down"
        case .retriesExhausted(let attempts, let last): "gave up after \(attempts) attempts: \(last)"
        }
    }
}
