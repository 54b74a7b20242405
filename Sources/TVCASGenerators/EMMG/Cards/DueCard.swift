import TVCASCore
import TVCASDatabase

/// A card row checked and ready for the EMM builder.
public struct DueCard: Sendable, Equatable {
    /// What goes into the EMM.
    public var subscription: CardSubscription
    /// The card's EMM key.
    public var key: CardKey

    /// A due card from its parts.
    public init(subscription: CardSubscription, key: CardKey) {
        self.subscription = subscription
        self.key = key
    }

    /// Checks a `tvcas_smartcards` row: the key must be 32 hex digits, the access criteria 8, and
    /// both dates set.
    public init(card: EMMCardRow) throws(CardRowProblem) {
        guard let start = card.start, let finish = card.finish else { throw .missingDates(serial: card.serialNo) }
        guard let key = try? CardKey(hex: card.key) else { throw .badKey(serial: card.serialNo) }
        guard let accessCriteria = try? AccessCriteria(hex: card.accessCriteria) else { throw .badAccessCriteria(serial: card.serialNo) }
        self.init(
            subscription: CardSubscription(
                serial: CardSerial(rawValue: card.serialNo), accessCriteria: accessCriteria, start: start, finish: finish,
                pair: Int(card.pair), type: Int(card.type)),
            key: key)
    }

    /// The original's placeholder when nothing is due (formats.md §2): serial 2199999999, all
    /// packages, a fixed key, from a day ago to five minutes ahead.
    public static func placeholder(now: UInt32) -> DueCard {
        DueCard(
            subscription: CardSubscription(
                serial: CardSerial(rawValue: 2_199_999_999), accessCriteria: AccessCriteria(rawValue: 0xFFFF_FFFF),
                start: now &- 86_400, finish: now &+ 300, pair: 0, type: 0),
            key: try! CardKey(hex: "1234567890A0B1C21234567890A0B1C2"))
    }
}
