/// Queries of the CSV export and import on `tvcas_smartcards`: keyed batches by serial for the
/// export, the current values of a file's serials, and multi-row insert-or-update by serial.
///
/// ```swift
/// var after: Int64 = -1
/// while true {
///     let rows = try connection.cardTransfer.batch([.serialNo, .name], after: after, limit: 10_000)
///     guard let last = rows.last else { break }
///     after = try last.decode(at: 0, as: Int64.self)
/// }
/// ```
public struct CardTransfer {
    let connection: Connection

    /// Cards whose serial is NULL (the original's `ORDER BY serial_no` puts them first), by id.
    public func rowsWithoutSerial(_ columns: [CardColumn]) throws(DatabaseError) -> [Row] {
        try connection.query("SELECT \(Self.list(columns)) FROM tvcas_smartcards WHERE serial_no IS NULL ORDER BY id")
    }

    /// Up to `limit` cards with serials above `after` (-1 for the first batch), by serial; the
    /// first of `columns` must be `serialNo` for the next batch's key.
    public func batch(_ columns: [CardColumn], after: Int64, limit: Int) throws(DatabaseError) -> [Row] {
        try connection.query(
            "SELECT \(Self.list(columns)) FROM tvcas_smartcards WHERE serial_no > ? ORDER BY serial_no LIMIT ?", [after, limit])
    }

    /// The current values of `columns` of the cards with these serials, keyed by serial; with
    /// `locking`, the rows are locked for the open transaction (`FOR UPDATE`).
    public func current(
        _ columns: [CardColumn], serials: [UInt32], locking: Bool = false, batchSize: Int = 1000
    ) throws(DatabaseError) -> [UInt32: [SQLValue]] {
        var found: [UInt32: [SQLValue]] = [:]
        let selected = [CardColumn.serialNo] + columns
        for range in StatementBatches.ranges(count: serials.count, size: batchSize) {
            let slice = serials[range]
            let placeholders = Array(repeating: "?", count: slice.count).joined(separator: ",")
            let rows = try connection.query(
                "SELECT \(Self.list(selected)) FROM tvcas_smartcards WHERE serial_no IN (\(placeholders))\(locking ? " FOR UPDATE" : "")",
                Array(slice))
            for row in rows {
                let serial: UInt32 = try row.decode(at: 0)
                found[serial] = Array(row.values.dropFirst())
            }
        }
        return found
    }

    /// Writes `rows` (values in `columns` order, the first column `serialNo`) with multi-row
    /// `INSERT … ON DUPLICATE KEY UPDATE` of up to `batchSize` rows (``StatementBatches``): a new serial becomes a card
    /// with `c_time = createdAt` and the schema's defaults elsewhere; an existing one gets the
    /// other columns overwritten (`c_time` kept). Fewer rows go in one statement when
    /// `batchSize` rows would pass the protocol's 65,535 parameters.
    public func upsert(_ rows: [[SQLValue]], columns: [CardColumn], createdAt: UInt32, batchSize: Int = 1000) throws(DatabaseError) {
        precondition(columns.first == .serialNo, "an upsert's first column is serial_no")
        let tuple = "(?," + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let updates = columns.dropFirst().map { "\($0.sqlName) = VALUES(\($0.sqlName))" }.joined(separator: ", ")
        // A statement takes at most 65,535 parameters.
        let perStatement = max(1, min(batchSize, 65_535 / (columns.count + 1)))
        for range in StatementBatches.ranges(count: rows.count, size: perStatement) {
            let slice = rows[range]
            let sql =
                "INSERT INTO tvcas_smartcards (c_time, \(Self.list(columns))) VALUES "
                + Array(repeating: tuple, count: slice.count).joined(separator: ",") + " ON DUPLICATE KEY UPDATE \(updates)"
            var values: [SQLValue] = []
            values.reserveCapacity(slice.count * (columns.count + 1))
            for row in slice {
                values.append(createdAt.sqlValue)
                values.append(contentsOf: row)
            }
            try connection.execute(sql, values)
        }
    }

    private static func list(_ columns: [CardColumn]) -> String {
        columns.map(\.sqlName).joined(separator: ",")
    }
}

extension Connection {
    /// The CSV export's and import's queries on `tvcas_smartcards`.
    public var cardTransfer: CardTransfer { CardTransfer(connection: self) }
}
