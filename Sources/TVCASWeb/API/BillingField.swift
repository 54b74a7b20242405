/// A card column the billing API reads and may set, in the order of its JSON answer.
public enum BillingField: String, Sendable, CaseIterable {
    /// `serial_no`
    case serialNumber = "serial_no"
    /// `name`
    case name
    /// `info`
    case info
    /// `access_criteria`
    case accessCriteria = "access_criteria"
    /// `pair`
    case pair
    /// `start`
    case start
    /// `finish`
    case finish

    /// The column's name (also the `set[…]` key and the JSON member).
    public var column: String { rawValue }

    /// The error a bad value for this field gets.
    public var error: BillingAPIError {
        switch self {
        case .serialNumber: return .serialNumberError
        case .name: return .nameError
        case .info: return .infoError
        case .accessCriteria: return .accessCriteriaError
        case .pair: return .pairError
        case .start: return .startError
        case .finish: return .finishError
        }
    }
}
