/// One row of `tvcas_ecmg_log`: the control words an ECMG sent to one peer socket.
public struct CWLogEntry: Sendable, Equatable {
    /// `id`.
    public var id: UInt32
    /// `access_criteria`: the ECM request's AC, `%08X`.
    public var accessCriteria: String
    /// `cw1`: odd control word, 16 hex.
    public var cw1: String
    /// `cw2`: even control word, 16 hex.
    public var cw2: String
    /// `sock`: the peer connection's number inside the daemon.
    public var sock: UInt32
    /// `ecmg_id`: the generator.
    public var ecmgID: UInt32
    /// `time`: unix time.
    public var time: UInt32

    /// An entry; `id` 0 for one not yet stored.
    public init(id: UInt32 = 0, accessCriteria: String, cw1: String, cw2: String, sock: UInt32, ecmgID: UInt32, time: UInt32) {
        self.id = id
        self.accessCriteria = accessCriteria
        self.cw1 = cw1
        self.cw2 = cw2
        self.sock = sock
        self.ecmgID = ecmgID
        self.time = time
    }

    init(row: Row) throws(DatabaseError) {
        self.init(
            id: try row.decode("id"), accessCriteria: try row.decode("access_criteria"), cw1: try row.decode("cw1"),
            cw2: try row.decode("cw2"), sock: try row.decode("sock"), ecmgID: try row.decode("ecmg_id"), time: try row.decode("time"))
    }
}
