/// A configured panel password (`pass_admin`, `pass_oper`): plain text as in the original, or a
/// crypt(3) hash verified through libcrypt.
///
/// The description never shows the password or hash.
public enum Password: Hashable, Sendable, CustomStringConvertible {
    /// The password itself, compared in constant time.
    case plainText(String)
    /// A crypt(3) hash of a supported kind.
    case hash(String, scheme: PasswordHashScheme)

    /// Reads a configured value: a yescrypt, bcrypt or sha512-crypt hash (checked with libcrypt),
    /// otherwise plain text. Throws ``PasswordFormError`` for an empty value, a hash of another
    /// kind (`$1$`, `$5$`, …) or a malformed hash.
    public init(configured text: String) throws(PasswordFormError) {
        guard !text.isEmpty else { throw .empty }
        guard let scheme = PasswordHashScheme(hash: text) else {
            if PasswordHashScheme.looksLikeOtherHash(text) {
                throw .unsupportedScheme(prefix: String(text.prefix { $0 != "," }.prefix(10)))
            }
            self = .plainText(text)
            return
        }
        guard let check = Crypt.hash("", setting: text), check.utf8.count == text.utf8.count,
            check.hasPrefix(String(text.prefix(3)))
        else { throw .malformedHash(scheme: scheme) }
        self = .hash(text, scheme: scheme)
    }

    /// Whether `candidate` is this password. Hashes are recomputed by libcrypt and compared, like
    /// plain text, in constant time.
    public func matches(_ candidate: String) -> Bool {
        switch self {
        case .plainText(let expected):
            return ConstantTime.equals(expected, candidate)
        case .hash(let stored, _):
            guard let computed = Crypt.hash(candidate, setting: stored) else { return false }
            return ConstantTime.equals(stored, computed)
        }
    }

    /// Whether the password is kept in plain text.
    public var isPlainText: Bool {
        if case .plainText = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .plainText: "<plain-text password>"
        case .hash(_, let scheme): "<\(scheme.rawValue) hash>"
        }
    }
}
