/// What a card may watch and how it is bound: the fields of a `tvcas_smartcards` row that go
/// into its EMM and its `.bin`.
///
/// `pair` and `type` stay integers as stored, because the two consumers read them differently
/// (decisions.md §1): the EMM sets its pairing flag when `pair > 0`, the `.bin` when `pair != 0`;
/// both set the anti-sharing flag only when `type == 1`.
public struct CardSubscription: Hashable, Sendable {
    /// The card's serial (any 32-bit value).
    public var serial: CardSerial
    /// The packages the card may watch.
    public var accessCriteria: AccessCriteria
    /// Start of the subscription, Unix seconds.
    public var start: UInt32
    /// End of the subscription, Unix seconds (the EMM carries `finish + 1`).
    public var finish: UInt32
    /// Pairing: bind the card to the first CAM it sees (see the flags above).
    public var pair: Int
    /// Card type: 1 turns on the anti-sharing protection.
    public var type: Int

    /// A subscription from its fields.
    public init(serial: CardSerial, accessCriteria: AccessCriteria, start: UInt32, finish: UInt32, pair: Int, type: Int) {
        self.serial = serial
        self.accessCriteria = accessCriteria
        self.start = start
        self.finish = finish
        self.pair = pair
        self.type = type
    }

    /// The EMM's pairing flag: 1 when `pair > 0`.
    public var emmPairFlag: UInt8 { pair > 0 ? 1 : 0 }
    /// The `.bin`'s pairing flag: 1 when `pair != 0`.
    public var binPairFlag: UInt8 { pair != 0 ? 1 : 0 }
    /// The anti-sharing ("protect") flag: 1 only when `type == 1`.
    public var protectFlag: UInt8 { type == 1 ? 1 : 0 }
}
