/// Hex text for the card's own use (upper-case, no separators, as the vectors write bytes).
enum CardHex {
    private static let digits = Array("0123456789ABCDEF".utf8)

    /// Upper-case hex of `bytes`.
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var utf8 = [UInt8]()
        for byte in bytes {
            utf8.append(digits[Int(byte >> 4)])
            utf8.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Two upper-case hex digits.
    static func byte(_ byte: UInt8) -> String { string([byte]) }

    /// Bytes from hex text of either case; `nil` unless it is an even number of hex digits.
    static func bytes(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var result = [UInt8]()
        result.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
