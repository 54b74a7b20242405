/// A key of a PHP array: decimal-integer strings (`"0"`, `"-5"`, not `"01"`) become integers, as
/// PHP's symbol tables do; everything else stays a string.
public enum PHPArrayKey: Sendable, Hashable {
    /// An integer key.
    case int(Int64)
    /// A string key.
    case string(String)

    /// Makes the key PHP would make from `text`.
    public init(_ text: String) {
        if let value = Self.canonicalInteger(text) {
            self = .int(value)
        } else {
            self = .string(text)
        }
    }

    /// The key's text (`"3"` for an integer key).
    public var text: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let value): return value
        }
    }

    private static func canonicalInteger(_ text: String) -> Int64? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count <= 20 else { return nil }
        var digits = utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if first == UInt8(ascii: "0") && (digits.count > 1 || utf8.count != 1) { return nil }
        return Int64(text)
    }
}
