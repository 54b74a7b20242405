/// An 8-byte DVB control word, held as a big-endian number so that copying it costs nothing.
public struct ControlWord: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The eight bytes, first byte most significant.
    public var rawValue: UInt64

    /// A control word from its big-endian numeric value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A control word from exactly 16 hex digits, either case.
    public init(hex text: some StringProtocol) throws(ValueError) {
        guard let value = Hex.number(text, digits: 16) else { throw .badControlWord(String(text)) }
        rawValue = value
    }

    /// A control word from 8 bytes (for example a CW_provision's `cp_cw_combination`).
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 8 else { return nil }
        rawValue = bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The eight bytes in order.
    public var bytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: rawValue >> (56 - 8 * $0)) } }

    /// 16 upper-case hex digits.
    public var hex: String { Hex.encode(rawValue, digits: 16) }

    public var description: String { hex }
}
