/// A smartcard's serial number (its unique address), e.g. 2100000005.
///
/// The builders take any `UInt32` (the dummy EMM uses 2199999999); ``init(validating:)`` applies the
/// `210xxxxxxx` rule for serials a person or the billing enters (decisions.md §1).
public struct CardSerial: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The serial as the card stores it (big-endian on the wire).
    public var rawValue: UInt32

    /// Any 32-bit serial, unchecked.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A serial typed by a person: exactly ten decimal digits starting with `210`.
    public init(validating text: some StringProtocol) throws(ValueError) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8.starts(with: Array("210".utf8)), utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let value = UInt32(String(decoding: utf8, as: UTF8.self))
        else { throw .badSerial(String(text)) }
        rawValue = value
    }

    /// The first serial TVCAS hands out.
    public static let first = CardSerial(rawValue: 2_100_000_000)

    public var description: String { String(rawValue) }

    public static func < (lhs: CardSerial, rhs: CardSerial) -> Bool { lhs.rawValue < rhs.rawValue }
}
