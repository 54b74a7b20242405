/// Queries on `tvcas_ecmg`.
public struct ECMGs {
    let connection: Connection

    /// Every ECMG row, by id.
    public func all() throws(DatabaseError) -> [ECMGRow] {
        try connection.query("SELECT \(ECMGRow.columns) FROM tvcas_ecmg ORDER BY id").map(ECMGRow.init(row:))
    }

    /// The row with this id.
    public func find(id: UInt32) throws(DatabaseError) -> ECMGRow? {
        try connection.queryFirst("SELECT \(ECMGRow.columns) FROM tvcas_ecmg WHERE id = ?", [id]).map(ECMGRow.init(row:))
    }

    /// Inserts a row (its `id` is ignored) and returns the new id.
    @discardableResult
    public func insert(_ row: ECMGRow) throws(DatabaseError) -> UInt32 {
        let placeholders = Array(repeating: "?", count: row.insertValues.count).joined(separator: ", ")
        return UInt32(
            try connection.execute("INSERT INTO tvcas_ecmg (\(ECMGRow.insertColumns)) VALUES (\(placeholders))", row.insertValues)
                .lastInsertID)
    }
}

extension Connection {
    /// Queries on `tvcas_ecmg`.
    public var ecmgs: ECMGs { ECMGs(connection: self) }
}
