/// One of the conditions the card checks before it hands out control words (card.md §3 step 4),
/// in the card's order.
public enum ECMCheck: Sendable, Hashable, CaseIterable {
    /// The lock state (after the anti-sharing update) is normal or disabled.
    case unlocked
    /// The plaintext's last byte is the sum of the others mod 256.
    case checksum
    /// The ECM time is after the subscription start (strictly).
    case started
    /// The ECM time is before the stored finish (strictly).
    case notExpired
    /// The card's and the ECM's access criteria share a bit.
    case package
    /// Pairing is off, or the host's CAM id is the one the card is paired with.
    case pairing
}
