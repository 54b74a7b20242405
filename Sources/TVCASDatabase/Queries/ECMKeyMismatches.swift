/// Which ECMG rows encrypt with another key than the configuration's `ecm_key` (decisions.md §4:
/// compared case-insensitively); the panels warn about them on every page.
public struct ECMKeyMismatches {
    let connection: Connection

    /// The ids of ECMG rows whose `key` differs from `configuredKey`, by id.
    public func ids(configuredKey: String) throws(DatabaseError) -> [UInt32] {
        try connection.query("SELECT id FROM tvcas_ecmg WHERE UPPER(COALESCE(`key`, '')) <> UPPER(?) ORDER BY id", [configuredKey])
            .map { row throws(DatabaseError) in try row.decode("id") }
    }
}

extension Connection {
    /// ECMG rows whose key differs from the configuration's.
    public var ecmKeyMismatches: ECMKeyMismatches { ECMKeyMismatches(connection: self) }
}
