/// The CA system ident of the configuration (`config.ident`, normally `0B00` for Conax): the
/// original's free hex text, 1 to 4 hex digits (`0B00`, `0B`, `0b01` and `1B00` all occur).
public struct CardIdent: Hashable, Sendable, CustomStringConvertible {
    /// The ident as configured.
    public let text: String

    /// An ident from 1 to 4 hex digits, either case, kept as written.
    public init(_ text: some StringProtocol) throws(ValueError) {
        guard (1...4).contains(text.utf8.count), Hex.isHexDigits(text) else { throw .badIdent(String(text)) }
        self.text = String(text)
    }

    /// `.bin` byte 4 (the card's `UA[0]`): when the upper-cased ident starts with `0B`, its 3rd and
    /// 4th characters read as hex (`0B00` → 0x00, `0b01` → 0x01, `0B` → 0x00); otherwise 0x00.
    public var uniqueAddressByte: UInt8 {
        let characters = Array(text.uppercased().utf8)
        guard characters.starts(with: Array("0B".utf8)) else { return 0 }
        return characters.dropFirst(2).reduce(0) { $0 << 4 | (Hex.nibble($1) ?? 0) }
    }

    public var description: String { text }
}
