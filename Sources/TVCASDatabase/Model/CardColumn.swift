/// A column of `tvcas_smartcards` that the CSV export and import carry (config-csv-logs.md §2–§3).
public enum CardColumn: String, Sendable, CaseIterable {
    /// `serial_no`
    case serialNo = "serial_no"
    /// `name`
    case name
    /// `info`
    case info
    /// `key`: the card's EMM key.
    case key
    /// `access_criteria`
    case accessCriteria = "access_criteria"
    /// `type`: the protection flag.
    case type
    /// `pair`
    case pair
    /// `start`
    case start
    /// `finish`
    case finish
    /// `edit`: the last modification time.
    case edit

    /// The column's name quoted for SQL (`` `key` ``).
    var sqlName: String { "`\(rawValue)`" }
}
