import CMariaDB

/// One server-side prepared statement of a ``Connection``.
///
/// Owned by its connection's statement cache and closed before the connection is: a statement
/// never outlives the `MYSQL*` it was prepared on.
final class PreparedStatement {
    let sql: String
    private let statement: UnsafeMutablePointer<MYSQL_STMT>
    let parameterCount: Int
    private let columnCount: Int

    /// Prepares `sql` on `mysql`.
    init(sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws(DatabaseError) {
        guard let statement = mysql_stmt_init(mysql) else {
            throw .server(
                code: mysql_errno(mysql), sqlState: String(cString: mysql_sqlstate(mysql)),
                message: String(cString: mysql_error(mysql)), sql: sql)
        }
        self.sql = sql
        self.statement = statement
        let status = sql.utf8CString.withUnsafeBufferPointer { buffer in
            mysql_stmt_prepare(statement, buffer.baseAddress, UInt(buffer.count - 1))
        }
        if status != 0 {
            let error = Self.error(of: statement, sql: sql)
            mysql_stmt_close(statement)
            throw error
        }
        var updateMaxLength: CChar = 1
        mysql_stmt_attr_set(statement, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
        parameterCount = Int(mysql_stmt_param_count(statement))
        columnCount = Int(mysql_stmt_field_count(statement))
    }

    /// Frees the server and client side of the statement.
    func close() {
        mysql_stmt_close(statement)
    }

    private static func error(of statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String) -> DatabaseError {
        .server(
            code: mysql_stmt_errno(statement),
            sqlState: String(cString: mysql_stmt_sqlstate(statement)),
            message: String(cString: mysql_stmt_error(statement)),
            sql: sql
        )
    }

    private func error() -> DatabaseError { Self.error(of: statement, sql: sql) }

    /// Runs the statement with `parameters` and reads its whole result.
    func execute(_ parameters: [SQLValue]) throws(DatabaseError) -> StatementResult {
        guard parameters.count == parameterCount else {
            throw .parameterCount(expected: parameterCount, given: parameters.count, sql: sql)
        }
        let arena = BindArena()
        defer { arena.free() }
        if parameterCount > 0 {
            let binds = arena.bindParameters(parameters)
            if mysql_stmt_bind_param(statement, binds) != 0 { throw error() }
        }
        if mysql_stmt_execute(statement) != 0 { throw error() }
        let affected = mysql_stmt_affected_rows(statement)
        let insertID = mysql_stmt_insert_id(statement)
        guard mysql_stmt_field_count(statement) > 0 else {
            return StatementResult(rows: [], affectedRows: affected, lastInsertID: insertID)
        }
        defer { mysql_stmt_free_result(statement) }
        if mysql_stmt_store_result(statement) != 0 { throw error() }
        return StatementResult(rows: try fetchRows(arena: arena), affectedRows: affected, lastInsertID: insertID)
    }

    private func fetchRows(arena: BindArena) throws(DatabaseError) -> [Row] {
        guard let metadata = mysql_stmt_result_metadata(statement) else { throw error() }
        defer { mysql_free_result(metadata) }
        let count = Int(mysql_num_fields(metadata))
        guard let fields = mysql_fetch_fields(metadata) else { throw error() }
        var names: [String] = []
        var kinds: [ResultKind] = []
        names.reserveCapacity(count)
        for index in 0..<count {
            let field = fields[index]
            names.append(String(cString: field.name))
            kinds.append(ResultKind(field))
        }
        let columns = ResultColumns(names: names)
        let output = arena.bindResults(kinds: kinds, maxLengths: (0..<count).map { Int(fields[$0].max_length) })
        if mysql_stmt_bind_result(statement, output.binds) != 0 { throw error() }
        var rows: [Row] = []
        rows.reserveCapacity(Int(mysql_stmt_num_rows(statement)))
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { break }
            if status == 1 { throw error() }
            if status == MYSQL_DATA_TRUNCATED {
                if let index = output.truncatedColumn() { throw .truncated(column: names[index]) }
            }
            var values: [SQLValue] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(output.value(at: index, kind: kinds[index])) }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }
}

/// What one execution returned.
struct StatementResult {
    var rows: [Row]
    var affectedRows: UInt64
    var lastInsertID: UInt64
}

/// How a result column is bound: integers and doubles in binary, everything else as bytes.
enum ResultKind {
    case signed
    case unsigned
    case double
    case text
    case binary

    init(_ field: MYSQL_FIELD) {
        let isUnsigned = field.flags & UInt32(UNSIGNED_FLAG) != 0
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_INT24, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
            self = isUnsigned ? .unsigned : .signed
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            self = .double
        case MYSQL_TYPE_STRING, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_VARCHAR, MYSQL_TYPE_BLOB, MYSQL_TYPE_TINY_BLOB,
            MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB:
            self = field.charsetnr == 63 ? .binary : .text
        default:
            self = .text
        }
    }
}
