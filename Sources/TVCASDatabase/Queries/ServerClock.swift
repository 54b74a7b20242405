/// The database server's clock, the one the run leases are measured by (decisions.md §3).
public struct ServerClock {
    let connection: Connection

    /// `UNIX_TIMESTAMP()` on the server.
    public func now() throws(DatabaseError) -> UInt32 {
        try connection.queryFirst("SELECT UNIX_TIMESTAMP() AS now")?.decode("now") ?? 0
    }
}

extension Connection {
    /// The server's clock.
    public var serverClock: ServerClock { ServerClock(connection: self) }
}
