import COpenSSL

/// The CSRF token of a request authenticated by HTTP Basic (decisions.md §5): an HMAC-SHA256 of
/// the role and the day with `[web] secret`. Yesterday's token is still accepted, so a page
/// fetched just before midnight can be submitted after it.
struct StatelessCSRFToken: Sendable {
    /// `[web] secret`.
    let secret: String

    /// The token for `role` on the day of `time` (unix seconds).
    func token(role: PanelRole, at time: UInt32) -> String {
        token(role: role, day: time / 86_400)
    }

    /// Whether `offered` is today's or yesterday's token for `role`.
    func accepts(_ offered: String, role: PanelRole, at time: UInt32) -> Bool {
        let day = time / 86_400
        return CSRFCheck.equal(token(role: role, day: day), offered) || CSRFCheck.equal(token(role: role, day: day &- 1), offered)
    }

    private func token(role: PanelRole, day: UInt32) -> String {
        let message = Array("tvcas-csrf|\(role.rawValue)|\(day)".utf8)
        let key = Array(secret.utf8)
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                _ = HMAC(
                    EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count), messageBuffer.baseAddress, messageBuffer.count, &digest, &length)
            }
        }
        return PanelRandom.hex(digest)
    }
}
