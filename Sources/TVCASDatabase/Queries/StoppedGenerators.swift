/// What the supervisor clears when a generator stops (decisions.md §3): the `peers` the daemon
/// wrote in its original row, so the panels do not show a stopped ECMG's peers as connected.
public struct StoppedGenerators {
    let connection: Connection

    /// Clears `tvcas_ecmg.peers` of a stopped ECMG (EMMG rows have no `peers` column).
    public func clearPeers(_ kind: GeneratorState.Kind, id: UInt32) throws(DatabaseError) {
        guard kind == .ecmg else { return }
        try connection.execute("UPDATE tvcas_ecmg SET peers = NULL WHERE id = ? AND peers IS NOT NULL", [id])
    }
}

extension Connection {
    /// Queries for generators that stopped.
    public var stoppedGenerators: StoppedGenerators { StoppedGenerators(connection: self) }
}
