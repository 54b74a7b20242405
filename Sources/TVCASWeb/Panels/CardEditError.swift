/// Why a card edit form was refused; each message is shown on the page.
enum CardEditError: Error, Equatable, CustomStringConvertible {
    /// `access_criteria` is not 8 hex digits.
    case accessCriteria(String)
    /// A package bit outside 0…31.
    case packageBit(String)
    /// `start` is not `dd.mm.YYYY HH:MM`.
    case start(String)
    /// `finish` is not `dd.mm.YYYY HH:MM`.
    case finish(String)
    /// `key` is not 32 hex digits.
    case key
    /// `name` is longer than the column.
    case nameTooLong
    /// `info` is longer than the column.
    case infoTooLong

    var description: String {
        switch self {
        case .accessCriteria: "ACCESS_CRITERIA must be 8 hex digits."
        case .packageBit: "A package must be a bit from 0 to 31."
        case .start: "START must be a date as dd.mm.YYYY HH:MM."
        case .finish: "FINISH must be a date as dd.mm.YYYY HH:MM."
        case .key: "KEY must be 32 hex digits."
        case .nameTooLong: "NAME may have at most 255 characters."
        case .infoTooLong: "INFO may have at most 255 characters."
        }
    }
}
