/// One row of a result.
public struct Row: Sendable {
    /// The result's columns.
    public let columns: ResultColumns
    /// The cells, in column order.
    public let values: [SQLValue]

    /// Creates a row (the client builds these; tests may too).
    public init(columns: ResultColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw cell of a column.
    public func value(_ column: String) throws(DatabaseError) -> SQLValue {
        guard let index = columns.index(of: column) else { throw .missingColumn(column) }
        return values[index]
    }

    /// The cell of a column read as `T`; the error names the column.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T {
        try T.decode(value(column), column: column)
    }

    /// The cell at a position read as `T`.
    public func decode<T: SQLDecodable>(at index: Int, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard values.indices.contains(index) else { throw .missingColumn("#\(index)") }
        return try T.decode(values[index], column: columns.names[index])
    }
}
