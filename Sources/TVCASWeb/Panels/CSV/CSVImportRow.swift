import TVCASDatabase

/// A valid line of an imported file, ready to write: its values in the column set's order.
public struct CSVImportRow: Sendable, Equatable {
    /// The line it came from.
    public var line: Int
    /// The card's serial.
    public var serial: UInt32
    /// The values, in the column set's order (`serial_no` first); `edit` is the import's time.
    public var values: [SQLValue]
}
