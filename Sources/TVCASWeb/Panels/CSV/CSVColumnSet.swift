import TVCASDatabase

/// The columns a panel's CSV export writes and its import reads, in file order (the original's
/// `$csv_rows`, config-csv-logs.md §1): the admin's ten with the EMM key, the operator's seven.
public struct CSVColumnSet: Sendable, Equatable {
    /// The columns, in file order (`serial_no` first).
    public let columns: [CardColumn]
    /// The file name's suffix and the set's name: `admin` or `oper`.
    public let name: String

    /// `serial_no;name;info;key;access_criteria;type;pair;start;finish;edit`
    public static let admin = CSVColumnSet(
        columns: [.serialNo, .name, .info, .key, .accessCriteria, .type, .pair, .start, .finish, .edit], name: "admin")
    /// `serial_no;name;info;access_criteria;pair;start;finish`
    public static let oper = CSVColumnSet(columns: [.serialNo, .name, .info, .accessCriteria, .pair, .start, .finish], name: "oper")

    /// The header line, without a line break.
    public var header: String { columns.map(\.rawValue).joined(separator: ";") }
}
