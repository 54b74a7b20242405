/// A 32-bit access-criteria mask: one bit per package (channel group).
///
/// Written as 8 hex digits in the database, the API and on the command line; the ECM and EMM carry
/// it big-endian.
public struct AccessCriteria: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The mask.
    public var rawValue: UInt32

    /// A mask from its numeric value.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A mask from exactly 8 hex digits, either case (`0000ffff`).
    public init(hex text: some StringProtocol) throws(ValueError) {
        guard let value = Hex.number(text, digits: 8) else { throw .badAccessCriteria(String(text)) }
        rawValue = UInt32(value)
    }

    /// Whether the two masks share a package bit (the card's test for an ECM).
    public func overlaps(_ other: AccessCriteria) -> Bool { rawValue & other.rawValue != 0 }

    /// 8 upper-case hex digits.
    public var hex: String { Hex.encode(UInt64(rawValue), digits: 8) }

    public var description: String { hex }
}
