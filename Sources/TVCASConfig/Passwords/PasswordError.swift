/// Why a password could not be hashed or read.
public enum PasswordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The password is empty.
    case empty
    /// The password holds a NUL byte, which crypt(3) cannot hash.
    case containsNUL
    /// libcrypt could not make a setting or a hash of this kind.
    case hashingFailed(scheme: PasswordHashScheme)
    /// Two entries at the terminal prompt differed.
    case mismatch
    /// Standard input ended before a password was read.
    case noInput

    public var description: String {
        switch self {
        case .empty: "the password is empty"
        case .containsNUL: "the password contains a NUL byte"
        case .hashingFailed(let scheme): "libcrypt could not make a \(scheme.rawValue) hash"
        case .mismatch: "the two passwords differ"
        case .noInput: "no password on standard input"
        }
    }
}
