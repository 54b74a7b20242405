/// Why a byte string is not an EMM datagram.
public enum EMMDecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The datagram was not 62 bytes; the value is its length.
    case badLength(Int)
    /// A fixed header byte (offsets 0–5 or 10–13) differed from the EMM header.
    case badHeader(offset: Int, found: UInt8, expected: UInt8)
    /// The 3DES decryption failed inside OpenSSL.
    case cipher(TripleDESError)

    public var description: String {
        switch self {
        case .badLength(let count): "an EMM is 62 bytes, got \(count)"
        case .badHeader(let offset, let found, let expected):
            "EMM header byte \(offset) is \(Hex.encode([found])), expected \(Hex.encode([expected]))"
        case .cipher(let error): "EMM decryption: \(error)"
        }
    }
}
