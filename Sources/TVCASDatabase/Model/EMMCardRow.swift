/// The columns of a `tvcas_smartcards` row that go into its EMM, as stored (not validated):
/// what the EMMG streams in keyed batches.
public struct EMMCardRow: Sendable, Equatable {
    /// `serial_no`.
    public var serialNo: UInt32
    /// `key`, 32 hex digits when valid.
    public var key: String
    /// `access_criteria`, 8 hex digits when valid.
    public var accessCriteria: String
    /// `type`: 1 = anti-sharing on.
    public var type: Int32
    /// `pair`: > 0 = paired (in the EMM).
    public var pair: Int32
    /// `start`, NULL possible.
    public var start: UInt32?
    /// `finish`, NULL possible.
    public var finish: UInt32?

    /// A row from its values.
    public init(serialNo: UInt32, key: String, accessCriteria: String, type: Int32, pair: Int32, start: UInt32?, finish: UInt32?) {
        self.serialNo = serialNo
        self.key = key
        self.accessCriteria = accessCriteria
        self.type = type
        self.pair = pair
        self.start = start
        self.finish = finish
    }

    /// The columns read, in ``init(row:)``'s order.
    static let columns = "serial_no, `key`, access_criteria, type, pair, start, finish"

    /// Reads a row by position; NULLs read as the original defaults, except the dates.
    init(row: Row) throws(DatabaseError) {
        self.init(
            serialNo: try row.decode(at: 0, as: UInt32?.self) ?? 0,
            key: try row.decode(at: 1, as: String?.self) ?? "",
            accessCriteria: try row.decode(at: 2, as: String?.self) ?? "00000000",
            type: try row.decode(at: 3, as: Int32?.self) ?? 1,
            pair: try row.decode(at: 4, as: Int32?.self) ?? 0,
            start: try row.decode(at: 5),
            finish: try row.decode(at: 6))
    }
}
