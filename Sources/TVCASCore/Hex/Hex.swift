/// Hexadecimal text to bytes and back, as TVCAS writes every key, datagram and control word.
///
/// Decoding accepts either case and nothing else (no spaces, no `0x`); encoding writes upper-case
/// digits without separators, the vectors' and the command line's form.
public enum Hex {
    /// The bytes of `text`, or `nil` when it has an odd number of characters or a non-hex digit.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = text.utf8
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8?
        for character in utf8 {
            guard let nibble = nibble(character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The bytes of `text` when it is exactly `count` bytes (`2 * count` hex digits), else `nil`.
    public static func decode(_ text: some StringProtocol, count: Int) -> [UInt8]? {
        guard text.utf8.count == 2 * count else { return nil }
        return decode(text)
    }

    /// `text` read as a big-endian unsigned number of exactly `digits` hex digits, else `nil`.
    public static func number(_ text: some StringProtocol, digits: Int) -> UInt64? {
        guard digits <= 16, text.utf8.count == digits else { return nil }
        var value: UInt64 = 0
        for character in text.utf8 {
            guard let nibble = nibble(character) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    /// Whether every character of `text` is a hex digit (either case).
    public static func isHexDigits(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { nibble($0) != nil }
    }

    /// Upper-case hex of `bytes`, no separators.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Upper-case hex of `value`, exactly `digits` digits (leading zeros kept, higher digits cut).
    public static func encode(_ value: UInt64, digits count: Int) -> String {
        var text = [UInt8](repeating: 0x30, count: count)
        var rest = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            text[index] = digits[Int(rest & 0x0F)]
            rest >>= 4
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The value of one ASCII hex digit, either case.
    @inline(__always)
    static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case 0x30...0x39: character &- 0x30
        case 0x41...0x46: character &- 0x41 &+ 10
        case 0x61...0x66: character &- 0x61 &+ 10
        default: nil
        }
    }

    /// The ASCII code of the lower-case hex digit for `value` (0...15).
    @inline(__always)
    static func lowercaseDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 &+ value : 0x61 &+ value &- 10
    }
}
