/// A card's own 16-byte 3DES key (`tvcas_smartcards.key`), with which its EMMs are encrypted.
///
/// Holds the ready cipher, so that building many EMMs for one card sets nothing up again.
public struct CardKey: Hashable, Sendable, CustomStringConvertible {
    /// The cipher for this key.
    public let cipher: TripleDES

    /// A key from its 16 bytes.
    public init(bytes: some Collection<UInt8>) throws(TripleDESError) {
        cipher = try TripleDES(key: bytes)
    }

    /// A key from exactly 32 hex digits, either case.
    public init(hex text: some StringProtocol) throws(ValueError) {
        guard let bytes = Hex.decode(text, count: 16), let cipher = try? TripleDES(key: bytes) else {
            throw .badCardKey(String(text))
        }
        self.cipher = cipher
    }

    /// The 16 key bytes.
    public var bytes: [UInt8] { cipher.key }

    /// 32 upper-case hex digits.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    public static func == (lhs: CardKey, rhs: CardKey) -> Bool { lhs.bytes == rhs.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
