/// What is wrong with an imported file or one of its lines. The texts of the cases the original
/// judged are its messages without their HTML (config-csv-logs.md §3); the others are ours.
public enum CSVImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The header has `found` fields where the panel's column set has `expected`; no line is read.
    case headerFieldCount(found: Int, expected: Int)
    /// The line's number of fields differs from the header's (a blank line too).
    case fieldCount(line: Int)
    /// `serial_no` is not 2100000000–2109999999 written as 10 digits (`value` as found).
    case serial(line: Int, value: String)
    /// `key` (admin set) is not exactly 32 hex digits.
    case key(line: Int)
    /// A quoted field is not closed before the end of the file.
    case unclosedQuote(line: Int)
    /// Something other than `;` or the line's end follows a quoted field.
    case textAfterQuote(line: Int)
    /// The line is not UTF-8 text (a file saved in another encoding).
    case notUTF8(line: Int)
    /// A text value is longer than its column holds (`limit` characters, bytes for `info`).
    case tooLong(line: Int, column: String, limit: Int)
    /// A number is outside its column's range (`value` as found).
    case outOfRange(line: Int, column: String, value: String, range: ClosedRange<Int64>)
    /// (Operator import) no card has this serial: an operator import updates existing cards only
    /// (decisions.md §5).
    case unknownSerial(line: Int, serial: UInt32)

    /// The line the problem is on (1 for the header).
    public var line: Int {
        switch self {
        case .headerFieldCount: 1
        case .fieldCount(let line), .serial(let line, _), .key(let line), .unclosedQuote(let line), .textAfterQuote(let line),
            .notUTF8(let line), .tooLong(let line, _, _), .outOfRange(let line, _, _, _), .unknownSerial(let line, _):
            line
        }
    }

    public var description: String {
        switch self {
        case .headerFieldCount(let found, let expected):
            "Count of fields in the imported (\(found)) file does not match the exported (\(expected))"
        case .fieldCount(let line): "Line \(line). The quantity fields does not match!"
        case .serial(let line, let value):
            "Line \(line). Serial number must be from 2100000000 till 2109999999 (not \(Self.shortened(value)))"
        case .key(let line): "Line \(line). Key number must be HEX and length 16 bytes (32 symbols)."
        case .unclosedQuote(let line): "Line \(line). A quoted field is not closed before the end of the file."
        case .textAfterQuote(let line): "Line \(line). A quoted field must be followed by ; or the end of the line."
        case .notUTF8(let line): "Line \(line). The line is not UTF-8 text; save the file as UTF-8."
        case .tooLong(let line, let column, let limit):
            "Line \(line). \(column) must be at most \(limit) \(column == "info" ? "bytes" : "characters")."
        case .outOfRange(let line, let column, let value, let range):
            "Line \(line). \(column) must be from \(range.lowerBound) till \(range.upperBound) (not \(Self.shortened(value)))"
        case .unknownSerial(let line, let serial):
            "Line \(line). There is no smartcard \(serial): an operator import only updates existing cards."
        }
    }

    /// A value as echoed in a message: at most 40 characters.
    static func shortened(_ value: String) -> String {
        value.count > 40 ? String(value.prefix(40)) + "…" : value
    }
}
