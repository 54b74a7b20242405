import TVCASCore
import TVCASDatabase

/// One CW_provision for the CW log, kept as numbers on the ECM path and turned into a
/// `tvcas_ecmg_log` row (hex text) by the database worker.
public struct CWLogRecord: Hashable, Sendable {
    /// The access criteria of the CW_provision.
    public var accessCriteria: AccessCriteria
    /// The odd control word (`cw1`).
    public var oddControlWord: ControlWord
    /// The even control word (`cw2`).
    public var evenControlWord: ControlWord
    /// The connection's number.
    public var sock: UInt32
    /// When the ECM was made (Unix seconds).
    public var time: UInt32

    /// A record.
    public init(accessCriteria: AccessCriteria, oddControlWord: ControlWord, evenControlWord: ControlWord, sock: UInt32, time: UInt32) {
        self.accessCriteria = accessCriteria
        self.oddControlWord = oddControlWord
        self.evenControlWord = evenControlWord
        self.sock = sock
        self.time = time
    }

    /// The row for ECMG `ecmgID`: AC as 8 upper-case hex digits, CWs as 16 (simulcrypt.md §2.7).
    public func entry(ecmgID: UInt32) -> CWLogEntry {
        CWLogEntry(
            accessCriteria: accessCriteria.hex, cw1: oddControlWord.hex, cw2: evenControlWord.hex, sock: sock, ecmgID: ecmgID, time: time)
    }
}
