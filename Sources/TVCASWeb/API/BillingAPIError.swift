/// The billing API's refusals; each answers HTTP 400 (429 when throttled) with its token as the
/// whole body.
public enum BillingAPIError: Error, Sendable, Equatable {
    /// The key is wrong or missing (`NOT_VALID_API_KEY`, after the penalty delay).
    case notValidAPIKey
    /// The address sent too many wrong keys in the last minute (`NOT_VALID_API_KEY`, HTTP 429).
    case throttled
    /// No card has the requested serial (`SMARDCARD_NOT_FOUND`, the original's spelling).
    case smartcardNotFound
    /// A `set[…]` key that is not one of the seven columns (`UNKNOWN_SET_PARAMETER`).
    case unknownSetParameter
    /// `set[access_criteria]` is not exactly 8 hex digits.
    case accessCriteriaError
    /// `set[pair]` is not `0` or `1`.
    case pairError
    /// `set[start]` is not 10 digits within 32 bits.
    case startError
    /// `set[finish]` is not 10 digits within 32 bits.
    case finishError
    /// `set[name]` is not valid UTF-8 or does not fit the column (new token).
    case nameError
    /// `set[info]` is not valid UTF-8 or does not fit the column (new token).
    case infoError
    /// `set[serial_no]` is not a free `210xxxxxxx` serial nor the card's own (new token).
    case serialNumberError

    /// The body sent.
    public var token: String {
        switch self {
        case .notValidAPIKey, .throttled: return "NOT_VALID_API_KEY"
        case .smartcardNotFound: return "SMARDCARD_NOT_FOUND"
        case .unknownSetParameter: return "UNKNOWN_SET_PARAMETER"
        case .accessCriteriaError: return "ACCESS_CRITERIA_ERROR"
        case .pairError: return "PAIR_ERROR"
        case .startError: return "START_ERROR"
        case .finishError: return "FINISH_ERROR"
        case .nameError: return "NAME_ERROR"
        case .infoError: return "INFO_ERROR"
        case .serialNumberError: return "SERIAL_NO_ERROR"
        }
    }

    /// The HTTP status sent.
    public var status: HTTPStatus { self == .throttled ? .tooManyRequests : .badRequest }
}
