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
        arena.free()
    }

    /// Bind memory reused by every execution of this statement.
    private let arena = BindArena()

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
        arena.reset()
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

    /// Column names of the last result, kept while the statement's columns stay the same.
    private var cachedColumns: ResultColumns?

    private func fetchRows(arena: BindArena) throws(DatabaseError) -> [Row] {
        // The statement's own field array: its max_length values were set by store_result.
        let count = Int(statement.pointee.field_count)
        guard let fields = statement.pointee.fields else { throw error() }
        let columns: ResultColumns
        if let cached = cachedColumns, cached.names.count == count {
            columns = cached
        } else {
            columns = ResultColumns(names: (0..<count).map { String(cString: fields[$0].name) })
            cachedColumns = columns
        }
        var kinds: [ResultKind] = []
        var maxLengths: [Int] = []
        kinds.reserveCapacity(count)
        maxLengths.reserveCapacity(count)
        for index in 0..<count {
            kinds.append(ResultKind(fields[index]))
            maxLengths.append(Int(fields[index].max_length))
        }
        let output = arena.bindResults(kinds: kinds, maxLengths: maxLengths)
        if mysql_stmt_bind_result(statement, output.binds) != 0 { throw error() }
        var rows: [Row] = []
        rows.reserveCapacity(Int(mysql_stmt_num_rows(statement)))
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { break }
            if status == 1 { throw error() }
            if status == MYSQL_DATA_TRUNCATED {
                if let index = output.truncatedColumn() { throw .truncated(column: columns.names[index]) }
            }
            var values: [SQLValue] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(output.value(at: index, kind: kinds[index])) }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }
}
