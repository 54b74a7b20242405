/// Something in a valid configuration worth telling the operator at start.
public enum ConfigurationWarning: Hashable, Sendable, CustomStringConvertible {
    /// A key (or table) we do not know; `suggestion` is the nearest known name.
    case unknownKey(key: String, suggestion: String?)
    /// Panel passwords stored in plain text (`pass_admin`, `pass_oper`).
    case plainTextPasswords(keys: [String])
    /// `zone` is a fixed `±HHMM` offset: no daylight-saving changes.
    case fixedOffsetZone(zone: String)
    /// `trademark` is longer than the 15 bytes a card's `.bin` holds.
    case longTrademark(byteCount: Int)

    public var description: String {
        switch self {
        case .unknownKey(let key, let suggestion?):
            "unknown key \"\(key)\" ignored; did you mean \"\(suggestion)\"?"
        case .unknownKey(let key, nil):
            "unknown key \"\(key)\" ignored"
        case .plainTextPasswords(let keys):
            "\(keys.joined(separator: " and ")) \(keys.count == 1 ? "is" : "are") in plain text; "
                + "replace with a hash from `tvcas hash-password`"
        case .fixedOffsetZone(let zone):
            "zone \"\(zone)\" is a fixed offset without daylight-saving time; dates can differ from the original's "
                + "around DST changes (an IANA name such as \"Europe/Moscow\" follows them)"
        case .longTrademark(let byteCount):
            "trademark is \(byteCount) bytes long; only its first 15 bytes go into a card's .bin"
        }
    }
}
