/// What one execution returned.
struct StatementResult {
    var rows: [Row]
    var affectedRows: UInt64
    var lastInsertID: UInt64
}
