/// Why a byte string is not an ECM datagram.
public enum ECMDecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The datagram was not 55 bytes; the value is its length.
    case badLength(Int)
    /// Byte 0 was neither 0x80 nor 0x81.
    case badTableID(UInt8)
    /// A fixed header byte (offsets 1–6) differed from `70 34 70 32 64 21`.
    case badHeader(offset: Int, found: UInt8, expected: UInt8)
    /// The 3DES decryption failed inside OpenSSL.
    case cipher(TripleDESError)

    public var description: String {
        switch self {
        case .badLength(let count): "an ECM is 55 bytes, got \(count)"
        case .badTableID(let id): "ECM table id must be 80 or 81, got \(Hex.encode([id]))"
        case .badHeader(let offset, let found, let expected):
            "ECM header byte \(offset) is \(Hex.encode([found])), expected \(Hex.encode([expected]))"
        case .cipher(let error): "ECM decryption: \(error)"
        }
    }
}
