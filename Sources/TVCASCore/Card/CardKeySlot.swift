/// Which 16 record bytes the card uses to decrypt an ECM, chosen by its table id (card.md §3, §8.2).
public enum CardKeySlot: Sendable, Hashable, CustomStringConvertible {
    /// Table 0x80: the even ECM key, ROM[32..47].
    case ecmEven
    /// Table 0x81: the odd ECM key, ROM[48..63].
    case ecmOdd
    /// Table 0x82: the card's EMM key, ROM[64..79] (a firmware quirk).
    case emmKey
    /// Any other table id: the first 16 record bytes (start, finish, access criteria, dates).
    case recordHead

    /// The slot the firmware picks for a table id.
    public init(tableID: UInt8) {
        switch tableID {
        case 0x80: self = .ecmEven
        case 0x81: self = .ecmOdd
        case 0x82: self = .emmKey
        default: self = .recordHead
        }
    }

    /// Where the key starts in the record.
    public var recordOffset: Int {
        switch self {
        case .ecmEven: 32
        case .ecmOdd: 48
        case .emmKey: 64
        case .recordHead: 0
        }
    }

    public var description: String {
        switch self {
        case .ecmEven: "the even ECM key (table 0x80)"
        case .ecmOdd: "the odd ECM key (table 0x81)"
        case .emmKey: "the card's EMM key"
        case .recordHead: "the first 16 record bytes"
        }
    }
}
