/// Why a card row cannot be sent as an EMM (decisions.md §3: skipped and reported, never sent as garbage).
public enum CardRowProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// `key` is not 32 hex digits.
    case badKey(serial: UInt32)
    /// `access_criteria` is not 8 hex digits.
    case badAccessCriteria(serial: UInt32)
    /// `start` or `finish` is NULL.
    case missingDates(serial: UInt32)

    /// The card the problem is about.
    public var serial: UInt32 {
        switch self {
        case .badKey(let serial), .badAccessCriteria(let serial), .missingDates(let serial): serial
        }
    }

    /// A short name of the problem (a metrics label and the panel's list).
    public var reason: String {
        switch self {
        case .badKey: "key"
        case .badAccessCriteria: "access_criteria"
        case .missingDates: "dates"
        }
    }

    public var description: String { "card \(serial): invalid \(reason)" }
}
