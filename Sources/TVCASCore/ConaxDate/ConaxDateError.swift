/// Why a Conax date or its time zone was refused.
public enum ConaxDateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The zone was neither a tz database name nor a `±HHMM` offset; the value is the text.
    case unknownZone(String)
    /// The local year is outside 1990–2089, which a Conax date cannot hold faithfully.
    case yearOutOfRange(Int)

    public var description: String {
        switch self {
        case .unknownZone(let text): "unknown time zone \"\(text)\" (use a tz database name such as Europe/Moscow, or ±HHMM)"
        case .yearOutOfRange(let year): "year \(year) is outside 1990–2089, which a Conax date cannot hold"
        }
    }
}
