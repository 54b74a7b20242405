/// Why a configured password value is unusable.
public enum PasswordFormError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value is empty.
    case empty
    /// The value is a crypt(3) hash of a kind we do not accept (`$1$` MD5, `$5$` SHA-256, …).
    case unsupportedScheme(prefix: String)
    /// The value starts like a hash of a supported kind but libcrypt cannot use it (cut short, bad salt or cost).
    case malformedHash(scheme: PasswordHashScheme)

    public var description: String {
        switch self {
        case .empty: "is empty"
        case .unsupportedScheme(let prefix): "is a crypt(3) hash of an unsupported kind (\(prefix)…)"
        case .malformedHash(let scheme): "starts like a \(scheme.rawValue) hash but libcrypt cannot use it"
        }
    }
}
