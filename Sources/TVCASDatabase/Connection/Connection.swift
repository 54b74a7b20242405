import CMariaDB

/// One connection to MariaDB (one `MYSQL*`) with its prepared statements.
///
/// A connection belongs to one thread at a time: the pool gives each of its threads its own.
/// It connects on first use, and when the connection is lost (2006, 2013, 1243 …) it closes the
/// `MYSQL*` and every statement prepared on it; the next call connects and prepares again.
/// ``query(_:_:)`` (a read) is then retried once; ``execute(_:_:)`` (a write) is not: writes
/// that must survive an outage go through ``ConnectionPool/transaction(requestID:retry:_:)``.
///
/// Every connection uses utf8mb4 and reports found (matched) rows as affected rows.
///
/// On a Galera cluster (`mysql_server` listing several nodes) a connection tries the nodes in
/// this process's order (``NodeOrder``), skips a node that refuses, hangs past the connect
/// timeout or is not ready (`wsrep_ready` OFF), sets `wsrep_sync_wait` (``DatabaseSettings/syncWait``),
/// and after a lost connection starts at the next node.
public final class Connection {
    /// Where this connection goes.
    public let settings: DatabaseSettings
    private var mysql: UnsafeMutablePointer<MYSQL>?
    private var statements: [String: PreparedStatement] = [:]
    /// Where in the (per-process shuffled) node list a TCP connection starts: moves on when a
    /// node is lost or turns out not ready.
    private var firstNode = 0
    /// At most this many statements stay prepared (the server allows 16,382 in all).
    static let statementCacheLimit = 128
    /// Whether a transaction is open on this connection.
    public private(set) var inTransaction = false
    /// The error that ended the open transaction on the server's side (a deadlock, a lost
    /// connection): COMMIT then fails with it even if the caller swallowed it.
    private var transactionFailure: DatabaseError?
    /// Whether this connection was open before (the next connect is then a reconnect).
    private var wasConnected = false

    /// A connection with these settings; it connects on first use.
    public init(settings: DatabaseSettings) {
        MariaDBLibrary.ensureInitialised()
        DatabaseMetrics.prepare()
        self.settings = settings
    }

    deinit { close() }

    /// Whether the connection is currently open.
    public var isConnected: Bool { mysql != nil }

    /// The server's id of this connection (`CONNECTION_ID()`), 0 when not connected.
    public var serverConnectionID: UInt64 {
        guard let mysql else { return 0 }
        return UInt64(mysql_thread_id(mysql))
    }

    /// Connects now unless connected already.
    public func connect() throws(DatabaseError) {
        if mysql != nil { return }
        defer {
            if mysql != nil {
                if wasConnected { DatabaseMetrics.recordReconnect() }
                wasConnected = true
            }
        }
        switch settings.endpoint {
        case .socket(let path):
            mysql = try open(host: "localhost", port: 0, socket: path)
        case .defaultSocket:
            mysql = try open(host: "localhost", port: 0, socket: nil)
        case .tcp(let nodes):
            var lastError: DatabaseError?
            let ordered = NodeOrder.forThisProcess(nodes)
            let start = firstNode % max(1, ordered.count)
            for node in ordered[start...] + ordered[..<start] {
                do {
                    mysql = try open(host: node.host, port: node.port, socket: nil)
                    return
                } catch {
                    lastError = error
                }
            }
            throw lastError ?? .connectFailed(endpoint: settings.endpoint.description, code: 0, message: "no nodes")
        }
    }

    /// On a Galera node (`wsrep_on`): refuses a node that is not ready (non-Primary, joining,
    /// donor: it would answer 1047 to every table) and sets the session's `wsrep_sync_wait`.
    private func prepareGaleraSession(_ handle: UnsafeMutablePointer<MYSQL>, endpoint: String) throws(DatabaseError) {
        guard let wsrepOn = try? scalar("SELECT @@global.wsrep_on", on: handle), wsrepOn == "1" else { return }
        let ready = try scalar("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_READY'", on: handle)
        guard ready == "ON" else {
            throw .connectFailed(endpoint: endpoint, code: 1047, message: "Galera node not ready (wsrep_ready = \(ready ?? "NULL"))")
        }
        if settings.syncWait != 0 { _ = try scalar("SET SESSION wsrep_sync_wait = \(settings.syncWait)", on: handle) }
    }

    /// Runs one text statement on a fresh handle and answers the first column of its first row.
    private func scalar(_ sql: String, on handle: UnsafeMutablePointer<MYSQL>) throws(DatabaseError) -> String? {
        let status = sql.utf8CString.withUnsafeBufferPointer { mysql_real_query(handle, $0.baseAddress, UInt($0.count - 1)) }
        if status != 0 { throw serverError(handle, sql: sql) }
        guard let result = mysql_store_result(handle) else {
            if mysql_errno(handle) != 0 { throw serverError(handle, sql: sql) }
            return nil
        }
        defer { mysql_free_result(result) }
        guard let row = mysql_fetch_row(result), let cell = row[0] else { return nil }
        return String(cString: cell)
    }

    private func open(host: String, port: Int, socket: String?) throws(DatabaseError) -> UnsafeMutablePointer<MYSQL> {
        guard let handle = mysql_init(nil) else {
            throw .connectFailed(endpoint: settings.endpoint.description, code: 0, message: "out of memory")
        }
        var connectTimeout = UInt32(settings.connectTimeout)
        var readTimeout = UInt32(settings.readTimeout)
        var writeTimeout = UInt32(settings.writeTimeout)
        mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        if readTimeout > 0 { mysql_options(handle, MYSQL_OPT_READ_TIMEOUT, &readTimeout) }
        if writeTimeout > 0 { mysql_options(handle, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout) }
        mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        if socket == nil, port != 0 {
            // A TCP node, even one named localhost (which the library would take as the socket).
            var protocolTCP = UInt32(MYSQL_PROTOCOL_TCP.rawValue)
            mysql_options(handle, MYSQL_OPT_PROTOCOL, &protocolTCP)
        }
        let flags = UInt(CLIENT_FOUND_ROWS)
        let connected = mysql_real_connect(
            handle, host, settings.user, settings.password, settings.database, UInt32(port), socket, flags)
        let endpoint = socket.map { "unix socket \($0)" } ?? (port == 0 ? host : "\(host):\(port)")
        guard connected != nil else {
            let error = DatabaseError.connectFailed(endpoint: endpoint, code: mysql_errno(handle), message: String(cString: mysql_error(handle)))
            mysql_close(handle)
            throw error
        }
        do {
            try prepareGaleraSession(handle, endpoint: endpoint)
        } catch {
            mysql_close(handle)
            throw error
        }
        return handle
    }

    /// Closes the connection and its statements; the next call connects again.
    public func close() {
        for statement in statements.values { statement.close() }
        statements.removeAll()
        if let mysql { mysql_close(mysql) }
        mysql = nil
        inTransaction = false
    }

    private func handle() throws(DatabaseError) -> UnsafeMutablePointer<MYSQL> {
        try connect()
        return mysql!
    }

    /// Notes an error: a lost connection is closed (with its statements), and a deadlock or
    /// a lost connection ends the open transaction.
    private func note(_ error: DatabaseError) {
        DatabaseMetrics.recordError(error)
        if inTransaction, error.isDeadlock || error.isConnectionLoss { transactionFailure = error }
        if error.isConnectionLoss {
            // The next connection starts at the next node of a cluster: this one is down,
            // hung, or not in the primary component.
            firstNode += 1
            close()
        }
    }

    // MARK: Prepared statements

    /// Runs a prepared statement and returns everything it answered.
    func run(_ sql: String, _ parameters: [SQLValue]) throws(DatabaseError) -> StatementResult {
        do throws(DatabaseError) {
            let mysql = try handle()
            let statement: PreparedStatement
            if let cached = statements[sql] {
                statement = cached
            } else {
                if statements.count >= Self.statementCacheLimit {
                    for old in statements.values { old.close() }
                    statements.removeAll()
                }
                statement = try PreparedStatement(sql: sql, on: mysql)
                statements[sql] = statement
            }
            return try statement.execute(parameters)
        } catch {
            note(error)
            throw error
        }
    }

    /// Runs a read (`SELECT`) and returns its rows. Outside a transaction, a lost connection is
    /// rebuilt and the read retried once.
    public func query(_ sql: String, _ parameters: [any SQLValueConvertible] = []) throws(DatabaseError) -> [Row] {
        let values = parameters.map(\.sqlValue)
        do {
            return try run(sql, values).rows
        } catch  where error.isConnectionLoss && !inTransaction && transactionFailure == nil {
            return try run(sql, values).rows
        }
    }

    /// Runs a read and returns its first row, if any.
    public func queryFirst(_ sql: String, _ parameters: [any SQLValueConvertible] = []) throws(DatabaseError) -> Row? {
        try query(sql, parameters).first
    }

    /// Runs a write (INSERT, UPDATE, DELETE …). Never retried: a write outside a transaction
    /// that meets a lost connection fails, and the connection is rebuilt on the next call.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any SQLValueConvertible] = []) throws(DatabaseError) -> ExecuteResult {
        let result = try run(sql, parameters.map(\.sqlValue))
        return ExecuteResult(affectedRows: result.affectedRows, lastInsertID: result.lastInsertID)
    }

    // MARK: Plain statements

    /// Runs one statement as text, without preparing it: DDL from the migration files, and the
    /// transaction statements. Never user input. Any result is read and dropped.
    public func executeText(_ sql: String) throws(DatabaseError) {
        do throws(DatabaseError) {
            let mysql = try handle()
            let status = sql.utf8CString.withUnsafeBufferPointer { buffer in
                mysql_real_query(mysql, buffer.baseAddress, UInt(buffer.count - 1))
            }
            if status != 0 { throw serverError(mysql, sql: sql) }
            repeat {
                if let result = mysql_store_result(mysql) { mysql_free_result(result) }
                if mysql_errno(mysql) != 0 { throw serverError(mysql, sql: sql) }
            } while mysql_next_result(mysql) == 0
        } catch {
            note(error)
            throw error
        }
    }

    private func serverError(_ mysql: UnsafeMutablePointer<MYSQL>, sql: String) -> DatabaseError {
        .server(
            code: mysql_errno(mysql), sqlState: String(cString: mysql_sqlstate(mysql)),
            message: String(cString: mysql_error(mysql)), sql: sql)
    }

    // MARK: Transactions

    /// Starts a transaction. Prefer ``ConnectionPool/transaction(requestID:retry:_:)``, which
    /// retries and makes replays safe.
    public func begin() throws(DatabaseError) {
        transactionFailure = nil
        try executeText("START TRANSACTION")
        inTransaction = true
    }

    /// Commits the open transaction; fails with the error that already ended it, if any.
    public func commit() throws(DatabaseError) {
        if let failure = transactionFailure {
            rollbackQuietly()
            throw failure
        }
        do {
            try executeText("COMMIT")
            inTransaction = false
        } catch {
            inTransaction = false
            throw error
        }
    }

    /// Rolls the open transaction back, ignoring errors (a lost connection has rolled it back).
    public func rollbackQuietly() {
        if inTransaction, mysql != nil { try? executeText("ROLLBACK") }
        inTransaction = false
        transactionFailure = nil
    }

    /// Checks that the server answers, reconnecting if needed.
    public func ping() throws(DatabaseError) {
        _ = try query("SELECT 1")
    }
}
