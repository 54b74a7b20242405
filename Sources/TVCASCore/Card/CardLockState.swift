/// The anti-sharing lock state, ROM[27] (card.md §3).
public struct CardLockState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The byte as stored.
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// 0x00: normal, anti-sharing active.
    public static let normal = CardLockState(rawValue: 0x00)
    /// 0x01: locked by anti-sharing; every ECM is denied until the 7-day unlock.
    public static let locked = CardLockState(rawValue: 0x01)
    /// 0xCA: "super unlock", anti-sharing switched off (nothing in the firmware sets it).
    public static let disabled = CardLockState(rawValue: 0xCA)

    /// Whether the card answers ECMs in this state: only 0x00 and 0xCA let them through; every
    /// other value counts as locked.
    public var allowsECMs: Bool { self == .normal || self == .disabled }

    public var description: String {
        switch self {
        case .normal: "normal"
        case .disabled: "anti-sharing disabled"
        default: rawValue == 0x01 ? "locked" : "locked (state 0x\(Hex.encode([rawValue])))"
        }
    }
}
