/// A Swift value that can be sent as a statement parameter.
public protocol SQLValueConvertible: Sendable {
    /// The value as MariaDB receives it.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
}

extension Substring: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(String(self)) }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .int(self) }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension UInt64: SQLValueConvertible {
    public var sqlValue: SQLValue { .uint(self) }
}

extension UInt32: SQLValueConvertible {
    public var sqlValue: SQLValue { .uint(UInt64(self)) }
}

extension UInt16: SQLValueConvertible {
    public var sqlValue: SQLValue { .uint(UInt64(self)) }
}

extension UInt8: SQLValueConvertible {
    public var sqlValue: SQLValue { .uint(UInt64(self)) }
}

extension Bool: SQLValueConvertible {
    public var sqlValue: SQLValue { .int(self ? 1 : 0) }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .double(self) }
}

extension [UInt8]: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Int16: SQLValueConvertible {
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int8: SQLValueConvertible {
    public var sqlValue: SQLValue { .int(Int64(self)) }
}
