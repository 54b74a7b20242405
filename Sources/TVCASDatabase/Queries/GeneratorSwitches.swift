/// What the panels change the same way in `tvcas_ecmg` and `tvcas_emmg` (panels.md §4–§5,
/// decisions.md §3): the on/off switch the supervisor acts on, the reload request the daemon
/// applies, and the removal of a row.
public struct GeneratorSwitches {
    let connection: Connection
    /// The generator table: `tvcas_ecmg` or `tvcas_emmg`.
    let table: String

    /// Whether the row with this id exists.
    public func exists(id: UInt32) throws(DatabaseError) -> Bool {
        try connection.queryFirst("SELECT id FROM \(table) WHERE id = ?", [id]) != nil
    }

    /// Sets `enable` (the supervisor starts or stops the generator).
    public func setEnable(id: UInt32, _ enable: Bool) throws(DatabaseError) {
        try connection.execute("UPDATE \(table) SET enable = ? WHERE id = ?", [enable ? 1 : 0, id])
    }

    /// Sets `reload = 1` (the running daemon applies it and clears the flag: an ECMG reloads its
    /// row, an EMMG starts a new card cycle).
    public func requestReload(id: UInt32) throws(DatabaseError) {
        try connection.execute("UPDATE \(table) SET reload = 1 WHERE id = ?", [id])
    }

    /// Deletes the row; false when it was already gone. For an EMMG the caller deletes its
    /// cursor in the same transaction (``ChangeQueue/deleteCursor(emmgID:)``).
    @discardableResult
    public func delete(id: UInt32) throws(DatabaseError) -> Bool {
        try connection.execute("DELETE FROM \(table) WHERE id = ?", [id]).affectedRows == 1
    }
}

extension Connection {
    /// The switches on the generators of one kind.
    public func generatorSwitches(_ kind: GeneratorState.Kind) -> GeneratorSwitches {
        switch kind {
        case .ecmg: GeneratorSwitches(connection: self, table: "tvcas_ecmg")
        case .emmg: GeneratorSwitches(connection: self, table: "tvcas_emmg")
        }
    }
}
