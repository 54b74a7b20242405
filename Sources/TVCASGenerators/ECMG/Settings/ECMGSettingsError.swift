/// Why a `tvcas_ecmg` row cannot be served.
public enum ECMGSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The row's `key` is not 64 hex digits (or is NULL).
    case badKey(id: UInt32, text: String?)
    /// The row's `packet_mode` is neither 0 (sections) nor 1 (TS packets).
    case badPacketMode(id: UInt32, value: UInt8)

    public var description: String {
        switch self {
        case .badKey(let id, let text):
            "ECMG_\(id): key \(text.map { "\"\($0)\"" } ?? "NULL") is not 64 hex digits"
        case .badPacketMode(let id, let value):
            "ECMG_\(id): packet_mode \(value) is neither 0 (sections) nor 1 (TS packets)"
        }
    }
}
