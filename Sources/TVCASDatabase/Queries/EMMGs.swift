/// Queries on `tvcas_emmg`.
public struct EMMGs {
    let connection: Connection

    /// Every EMMG row, by id.
    public func all() throws(DatabaseError) -> [EMMGRow] {
        try connection.query("SELECT \(EMMGRow.columns) FROM tvcas_emmg ORDER BY id").map(EMMGRow.init(row:))
    }

    /// The row with this id.
    public func find(id: UInt32) throws(DatabaseError) -> EMMGRow? {
        try connection.queryFirst("SELECT \(EMMGRow.columns) FROM tvcas_emmg WHERE id = ?", [id]).map(EMMGRow.init(row:))
    }

    /// Inserts a row (its `id` is ignored) and returns the new id.
    @discardableResult
    public func insert(_ row: EMMGRow) throws(DatabaseError) -> UInt32 {
        let placeholders = Array(repeating: "?", count: row.insertValues.count).joined(separator: ", ")
        return UInt32(
            try connection.execute("INSERT INTO tvcas_emmg (\(EMMGRow.insertColumns)) VALUES (\(placeholders))", row.insertValues)
                .lastInsertID)
    }
}

extension Connection {
    /// Queries on `tvcas_emmg`.
    public var emmgs: EMMGs { EMMGs(connection: self) }
}
