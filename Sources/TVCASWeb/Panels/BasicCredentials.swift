import Foundation
import Synchronization
import TVCASConfig

/// HTTP Basic checks against `pass_admin` / `pass_oper`. A hash check costs tens of
/// milliseconds, so successful checks are remembered (by an HMAC of the credentials with a
/// per-process key, never the password itself).
final class BasicCredentials: Sendable {
    private let passwords: [PanelRole: Password]
    private let remembered = Mutex<Set<String>>([])
    private let cacheKey: String

    init(admin: Password, oper: Password) {
        passwords = [.admin: admin, .oper: oper]
        cacheKey = (try? PanelRandom.hexToken()) ?? UUID().uuidString
    }

    /// The user and password of an `Authorization: Basic …` header, nil when there is none or
    /// it is malformed.
    static func parse(_ header: String?) -> (user: String, password: String)? {
        guard let header, header.count > 6, header.prefix(6).lowercased() == "basic " else { return nil }
        guard let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// Whether `user`/`password` open the panel of `role`: the user must be the role's name.
    func check(user: String, password: String, role: PanelRole) -> Bool {
        let fingerprint = StatelessCSRFToken(secret: cacheKey).token(role: role, at: 0) + "|" + Self.digest(user + "\u{0}" + password, key: cacheKey)
        if remembered.withLock({ $0.contains(fingerprint) }) { return true }
        guard let expected = passwords[role] else { return false }
        let passwordMatches = expected.matches(password)
        guard passwordMatches, user == role.userName else { return false }
        remembered.withLock { set in
            if set.count > 64 { set.removeAll() }
            set.insert(fingerprint)
        }
        return true
    }

    private static func digest(_ text: String, key: String) -> String {
        StatelessCSRFToken(secret: key + text).token(role: .admin, at: 0)
    }
}
