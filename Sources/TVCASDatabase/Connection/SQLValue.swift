/// A value sent to or read from MariaDB: a statement's parameter or a result cell.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// A signed integer.
    case int(Int64)
    /// An unsigned integer (MariaDB's `unsigned` columns).
    case uint(UInt64)
    /// A floating-point number.
    case double(Double)
    /// Text, sent and read as UTF-8 (utf8mb4).
    case text(String)
    /// Raw bytes (BLOB, VARBINARY and other binary strings).
    case blob([UInt8])

    public var description: String {
        switch self {
        case .null: "NULL"
        case .int(let value): String(value)
        case .uint(let value): String(value)
        case .double(let value): String(value)
        case .text(let value): "'\(value)'"
        case .blob(let bytes): "<\(bytes.count) bytes>"
        }
    }

    /// Whether this is NULL.
    public var isNull: Bool { self == .null }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral,
    ExpressibleByFloatLiteral
{
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
}
