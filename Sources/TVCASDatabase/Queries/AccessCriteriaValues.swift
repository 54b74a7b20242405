/// The access-criteria values in use: the list the panels' quick toggle cycles through
/// (panels.md §3.3, "Cycle access criteria"). A scan of the card table.
public struct AccessCriteriaValues {
    let connection: Connection

    /// Up to `limit` distinct `access_criteria` values, upper-cased.
    public func distinct(limit: Int = 1000) throws(DatabaseError) -> [String] {
        try connection.query(
            "SELECT DISTINCT UPPER(access_criteria) AS ac FROM tvcas_smartcards WHERE access_criteria IS NOT NULL LIMIT ?", [limit]
        ).map { row throws(DatabaseError) in try row.decode("ac") }
    }
}

extension Connection {
    /// The access-criteria values in use.
    public var accessCriteriaValues: AccessCriteriaValues { AccessCriteriaValues(connection: self) }
}
