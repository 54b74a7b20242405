/// A Swift type a result cell can be read as; errors name the column.
public protocol SQLDecodable {
    /// Reads `value`, the cell of `column`.
    static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> Self
}

extension SQLDecodable {
    static func mismatch(_ value: SQLValue, column: String) -> DatabaseError {
        .typeMismatch(column: column, expected: String(describing: Self.self), found: value.description)
    }
}

/// Integers read from integer cells (range-checked) or from decimal text (SUM, DECIMAL).
extension SQLDecodable where Self: FixedWidthInteger {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> Self {
        switch value {
        case .int(let number): if let exact = Self(exactly: number) { return exact }
        case .uint(let number): if let exact = Self(exactly: number) { return exact }
        case .text(let text): if let parsed = Self(text) { return parsed }
        case .null: throw .unexpectedNull(column: column)
        default: break
        }
        throw mismatch(value, column: column)
    }
}

extension Int: SQLDecodable {}
extension Int64: SQLDecodable {}
extension Int32: SQLDecodable {}
extension Int16: SQLDecodable {}
extension Int8: SQLDecodable {}
extension UInt64: SQLDecodable {}
extension UInt32: SQLDecodable {}
extension UInt16: SQLDecodable {}
extension UInt8: SQLDecodable {}

extension String: SQLDecodable {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> String {
        switch value {
        case .text(let text): return text
        case .blob(let bytes):
            if let text = String(validating: bytes, as: UTF8.self) { return text }
        case .null: throw .unexpectedNull(column: column)
        default: break
        }
        throw mismatch(value, column: column)
    }
}

extension Double: SQLDecodable {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> Double {
        switch value {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case .uint(let number): return Double(number)
        case .text(let text): if let parsed = Double(text) { return parsed }
        case .null: throw .unexpectedNull(column: column)
        default: break
        }
        throw mismatch(value, column: column)
    }
}

extension Bool: SQLDecodable {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> Bool {
        try Int64.decode(value, column: column) != 0
    }
}

extension [UInt8]: SQLDecodable {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> [UInt8] {
        switch value {
        case .blob(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        case .null: throw .unexpectedNull(column: column)
        default: throw mismatch(value, column: column)
        }
    }
}

extension SQLValue: SQLDecodable {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> SQLValue { value }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public static func decode(_ value: SQLValue, column: String) throws(DatabaseError) -> Wrapped? {
        if case .null = value { return nil }
        return try Wrapped.decode(value, column: column)
    }
}
