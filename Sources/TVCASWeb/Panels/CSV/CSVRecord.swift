/// One record of an imported CSV file: usually one line, more when a quoted field holds line
/// breaks.
public struct CSVRecord: Sendable, Equatable {
    /// How a record is broken, when it is.
    public enum Malformation: Sendable, Equatable {
        /// A quoted field runs to the end of the file.
        case unclosedQuote
        /// Something other than `;` or the line's end follows a quoted field's closing quote.
        case textAfterQuote
    }

    /// The line the record starts on (1 = the header).
    public var line: Int
    /// The fields, unquoted, as bytes.
    public var fields: [[UInt8]]
    /// Set when the record could not be read as it stands.
    public var malformation: Malformation?
}
