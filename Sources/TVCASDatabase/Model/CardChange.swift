/// One row of `tvcas_card_changes`, the EMMGs' change queue.
public struct CardChange: Sendable, Equatable {
    /// Where a change came from.
    public enum Source: String, Sendable {
        /// The billing API.
        case api
        /// An admin or operator panel.
        case panel
        /// A CSV import.
        case csv
    }

    /// `id`: queue position (commit order may differ, see decisions.md §3).
    public var id: UInt64
    /// `serial_no`: the card.
    public var serialNo: UInt32
    /// `fields`: what changed, comma-separated column names.
    public var fields: String
    /// `source`: `api`, `panel` or `csv` (kept as text, so unknown values still read).
    public var source: String
    /// `changed_at`: unix time of the change.
    public var changedAt: UInt32
    /// `request_id`: the write transaction that made it.
    public var requestID: String

    init(row: Row) throws(DatabaseError) {
        id = try row.decode("id")
        serialNo = try row.decode("serial_no")
        fields = try row.decode("fields")
        source = try row.decode("source")
        changedAt = try row.decode("changed_at")
        requestID = try row.decode("request_id")
    }
}
