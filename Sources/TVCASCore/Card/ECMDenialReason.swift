/// Why a card denied an ECM, in one word (the `reason` of `tvcas card check`).
public enum ECMDenialReason: String, Sendable, Hashable, CaseIterable {
    /// The ECM time is not before the subscription's (exclusive) finish.
    case expired
    /// The ECM time is not after the subscription start.
    case notStarted = "not-started"
    /// The card's access criteria share no bit with the ECM's: the channel's package is not subscribed.
    case noPackage = "no-package"
    /// Pairing is on and the host's CAM id is not the one the card is paired with.
    case pairing
    /// The decrypted ECM's checksum does not match: another key, or a damaged datagram.
    case checksum
    /// The card is locked by anti-sharing.
    case locked
    /// The table id is neither 0x80 nor 0x81, so the card picked a key no ECMG uses.
    case badTable = "bad-table"
}

extension ECMDecision {
    /// The one reason to report for a denial, nil when the card sent control words. A table id
    /// other than 0x80/0x81 comes first, then the lock, then the checksum (a garbage plaintext
    /// makes the remaining checks meaningless), then the time window, package and pairing.
    public var denialReason: ECMDenialReason? {
        guard !isAccepted else { return nil }
        if !Self.isStandardTable(tableID) { return .badTable }
        return failedChecks.map(Self.reason(for:)).min { Self.priority($0) < Self.priority($1) }
    }

    /// The reason that stands for a failed check.
    public static func reason(for check: ECMCheck) -> ECMDenialReason {
        switch check {
        case .unlocked: .locked
        case .checksum: .checksum
        case .started: .notStarted
        case .notExpired: .expired
        case .package: .noPackage
        case .pairing: .pairing
        }
    }

    static func isStandardTable(_ tableID: UInt8) -> Bool { tableID == 0x80 || tableID == 0x81 }

    /// The order in which reasons are reported, most telling first.
    static func priority(_ reason: ECMDenialReason) -> Int {
        switch reason {
        case .badTable: 0
        case .locked: 1
        case .checksum: 2
        case .notStarted: 3
        case .expired: 4
        case .noPackage: 5
        case .pairing: 6
        }
    }
}
