/// Why a Triple-DES operation failed.
public enum TripleDESError: Error, Equatable, CustomStringConvertible {
    /// The key was not 16 bytes (K1‖K2); the associated value is the length given.
    case badKeyLength(Int)
    /// A ciphertext to decrypt was not a whole number of 8-byte blocks.
    case badCiphertextLength(Int)
    /// An OpenSSL call failed; the associated value names it.
    case openSSL(String)

    public var description: String {
        switch self {
        case .badKeyLength(let count): "3DES key must be 16 bytes (32 hex digits), got \(count) bytes"
        case .badCiphertextLength(let count): "3DES ciphertext must be a multiple of 8 bytes, got \(count) bytes"
        case .openSSL(let call): "OpenSSL \(call) failed"
        }
    }
}
