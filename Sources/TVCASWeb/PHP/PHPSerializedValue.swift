/// A value in PHP's `serialize()` format, as the original wrote `tvcas_ecmg.peers` (schema.md).
public enum PHPSerializedValue: Sendable, Equatable {
    /// `N;`
    case null
    /// `b:0;` / `b:1;`
    case bool(Bool)
    /// `i:<n>;`
    case int(Int64)
    /// `d:<n>;`
    case double(Double)
    /// `s:<byte length>:"<bytes>";`
    case string(String)
    /// `a:<count>:{<key><value>...}`: keys in order, each an int or a string.
    case array([(key: PHPSerializedKey, value: PHPSerializedValue)])

    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The entry under string key `name` of an array.
    public subscript(name: String) -> PHPSerializedValue? {
        guard case .array(let entries) = self else { return nil }
        return entries.first { $0.key == .string(name) }?.value
    }

    /// The value as an integer (an int, or a string or double holding one).
    public var integer: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value): value.isFinite ? Int64(exactly: value.rounded(.towardZero)) : nil
        case .string(let text): Int64(text)
        case .bool(let value): value ? 1 : 0
        default: nil
        }
    }
}

/// A key of a serialized PHP array.
public enum PHPSerializedKey: Sendable, Equatable {
    /// `i:<n>;`
    case int(Int64)
    /// `s:<len>:"...";`
    case string(String)

    /// The key as text.
    public var text: String {
        switch self {
        case .int(let value): String(value)
        case .string(let text): text
        }
    }
}
