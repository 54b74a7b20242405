/// Why a value a person entered (on the command line, in a panel, through the API) was refused.
///
/// Each case carries the text as given, so a message can show it.
public enum ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A card serial was not ten decimal digits starting with `210`.
    case badSerial(String)
    /// Access criteria were not exactly 8 hex digits.
    case badAccessCriteria(String)
    /// A card (EMM) key was not exactly 32 hex digits.
    case badCardKey(String)
    /// An ECM key was not exactly 64 hex digits.
    case badECMKey(String)
    /// A control word was not exactly 16 hex digits.
    case badControlWord(String)
    /// A CA system ident was not 1 to 4 hex digits.
    case badIdent(String)
    /// An ECM filler was not exactly 46 hex digits (23 bytes).
    case badFiller(String)

    public var description: String {
        switch self {
        case .badSerial(let text): "card serial must be ten digits 210xxxxxxx, got \"\(text)\""
        case .badAccessCriteria(let text): "access criteria must be 8 hex digits, got \"\(text)\""
        case .badCardKey(let text): "card key must be 32 hex digits, got \"\(text)\""
        case .badECMKey(let text): "ECM key must be 64 hex digits, got \"\(text)\""
        case .badControlWord(let text): "control word must be 16 hex digits, got \"\(text)\""
        case .badIdent(let text): "ident must be 1 to 4 hex digits, got \"\(text)\""
        case .badFiller(let text): "ECM filler must be 46 hex digits (23 bytes), got \"\(text)\""
        }
    }
}
