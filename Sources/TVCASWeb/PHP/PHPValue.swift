/// A request variable as PHP sees it: a byte string, or an ordered array of further values
/// (`set[name]=…` makes `set` an array).
public enum PHPValue: Sendable, Equatable {
    /// A scalar value: the bytes after URL decoding (not necessarily valid UTF-8).
    case string([UInt8])
    /// An array built from bracketed names.
    indirect case array(PHPArray)

    /// The value as text, when it is a scalar; invalid UTF-8 is replaced.
    public var text: String? {
        if case .string(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    /// The value's array, when it is one.
    public var array: PHPArray? {
        if case .array(let array) = self { return array }
        return nil
    }
}
