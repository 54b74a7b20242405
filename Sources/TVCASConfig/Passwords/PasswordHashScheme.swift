/// The crypt(3) hash kinds a configured password may be.
public enum PasswordHashScheme: String, Hashable, Sendable, CaseIterable {
    /// yescrypt, `$y$…` (what `tvcas hash-password` makes).
    case yescrypt
    /// bcrypt, `$2b$…` (`$2a$` and `$2y$` are read too).
    case bcrypt
    /// SHA-512 crypt, `$6$…`.
    case sha512crypt = "sha512-crypt"

    /// The prefix `crypt_gensalt` is given to make a new hash of this kind.
    public var prefix: String {
        switch self {
        case .yescrypt: "$y$"
        case .bcrypt: "$2b$"
        case .sha512crypt: "$6$"
        }
    }

    /// The kind of a stored hash, by its prefix; `nil` when the text is none of ours.
    public init?(hash: String) {
        if hash.hasPrefix("$y$") {
            self = .yescrypt
        } else if hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$") || hash.hasPrefix("$2y$") {
            self = .bcrypt
        } else if hash.hasPrefix("$6$") {
            self = .sha512crypt
        } else {
            return nil
        }
    }

    /// The ids of crypt(3) hash kinds libxcrypt knows but we do not accept.
    static let otherIDs: Set<String> = ["1", "2", "2x", "3", "5", "7", "gy", "md5", "sha1", "sm3", "sm3y", "nt"]

    /// Whether `text` starts like a crypt(3) hash of a kind we do not accept (`$1$`, `$5$`,
    /// `$md5,`…), so that it is rejected rather than taken for a plain-text password.
    static func looksLikeOtherHash(_ text: String) -> Bool {
        guard text.hasPrefix("$") else { return false }
        let id = text.dropFirst().prefix { $0 != "$" && $0 != "," }
        guard id.count < text.count - 1 else { return false }
        return otherIDs.contains(String(id))
    }
}
