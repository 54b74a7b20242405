/// The writes a running ECMG makes to its own `tvcas_ecmg` row (simulcrypt.md §2.7, decisions.md §3).
extension ECMGs {
    /// The heartbeat: `touch_time`, `touch_version` (the version in force) and `peers` (JSON).
    public func touch(id: UInt32, time: UInt32, version: UInt32, peers: String) throws(DatabaseError) {
        try connection.execute("UPDATE tvcas_ecmg SET touch_time = ?, touch_version = ?, peers = ? WHERE id = ?", [time, version, peers, id])
    }

    /// Clears `reload` after the daemon applied the row.
    public func clearReload(id: UInt32) throws(DatabaseError) {
        try connection.execute("UPDATE tvcas_ecmg SET reload = 0 WHERE id = ? AND reload <> 0", [id])
    }
}
