/// Reads PHP's `serialize()` format: the scalars, strings (by their byte length) and arrays; no
/// objects or references, which the original never wrote into `peers`.
public struct PHPUnserializer: Sendable {
    /// Why a text is not a serialized value.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The text ended inside a value.
        case truncated
        /// An unexpected byte at `offset`.
        case unexpected(offset: Int)
        /// A type letter this reader does not know, at `offset`.
        case unsupportedType(offset: Int)
        /// Bytes left over after the value, from `offset`.
        case trailingBytes(offset: Int)

        public var description: String {
            switch self {
            case .truncated: "the serialized text ends early"
            case .unexpected(let offset): "unexpected byte at offset \(offset)"
            case .unsupportedType(let offset): "unsupported type at offset \(offset)"
            case .trailingBytes(let offset): "extra bytes from offset \(offset)"
            }
        }
    }

    /// The deepest array nesting accepted.
    static let maxDepth = 32

    /// A reader.
    public init() {}

    /// The value `text` holds.
    public func parse(_ text: String) throws(Failure) -> PHPSerializedValue {
        var cursor = Cursor(bytes: Array(text.utf8))
        let value = try cursor.value(depth: 0)
        guard cursor.offset == cursor.bytes.count else { throw .trailingBytes(offset: cursor.offset) }
        return value
    }

    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        mutating func value(depth: Int) throws(Failure) -> PHPSerializedValue {
            guard offset < bytes.count else { throw .truncated }
            let type = bytes[offset]
            let start = offset
            offset += 1
            switch type {
            case UInt8(ascii: "N"):
                try expect(";")
                return .null
            case UInt8(ascii: "b"):
                try expect(":")
                let number = try integer(until: ";")
                guard number == 0 || number == 1 else { throw .unexpected(offset: start) }
                return .bool(number == 1)
            case UInt8(ascii: "i"):
                try expect(":")
                return .int(try integer(until: ";"))
            case UInt8(ascii: "d"):
                try expect(":")
                let text = try run(until: ";")
                guard let number = Double(text) ?? (text == "INF" ? .infinity : text == "-INF" ? -.infinity : text == "NAN" ? .nan : nil)
                else { throw .unexpected(offset: start) }
                return .double(number)
            case UInt8(ascii: "s"):
                try expect(":")
                return .string(try string())
            case UInt8(ascii: "a"):
                guard depth < PHPUnserializer.maxDepth else { throw .unexpected(offset: start) }
                try expect(":")
                let count = try integer(until: ":")
                guard count >= 0 else { throw .unexpected(offset: start) }
                try expect("{")
                var entries: [(key: PHPSerializedKey, value: PHPSerializedValue)] = []
                for _ in 0..<count {
                    let key: PHPSerializedKey
                    switch try value(depth: depth + 1) {
                    case .int(let number): key = .int(number)
                    case .string(let text): key = .string(text)
                    default: throw .unexpected(offset: offset)
                    }
                    entries.append((key, try value(depth: depth + 1)))
                }
                try expect("}")
                return .array(entries)
            default:
                throw .unsupportedType(offset: start)
            }
        }

        /// `<len>:"<len bytes>";` after `s:`.
        mutating func string() throws(Failure) -> String {
            let length = try integer(until: ":")
            guard length >= 0 else { throw .unexpected(offset: offset) }
            try expect("\"")
            guard bytes.count - offset >= Int(length) else { throw .truncated }
            let text = String(decoding: bytes[offset..<offset + Int(length)], as: UTF8.self)
            offset += Int(length)
            try expect("\"")
            try expect(";")
            return text
        }

        mutating func expect(_ character: Unicode.Scalar) throws(Failure) {
            guard offset < bytes.count else { throw .truncated }
            guard bytes[offset] == UInt8(ascii: character) else { throw .unexpected(offset: offset) }
            offset += 1
        }

        mutating func run(until terminator: Unicode.Scalar) throws(Failure) -> String {
            let start = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: terminator) { offset += 1 }
            guard offset < bytes.count else { throw .truncated }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            offset += 1
            return text
        }

        mutating func integer(until terminator: Unicode.Scalar) throws(Failure) -> Int64 {
            let start = offset
            let text = try run(until: terminator)
            guard let number = Int64(text) else { throw .unexpected(offset: start) }
            return number
        }
    }
}
