import Foundation
import TVCASDatabase

/// The settings of one EMMG as the daemon uses them: the `tvcas_emmg` columns it reads, in a form
/// that is saved in the state directory after each successful load, so that the daemon can start
/// from it while MariaDB is down (decisions.md §3).
public struct EMMGSettingsRow: Codable, Sendable, Equatable {
    /// `id`.
    public var id: UInt32
    /// `host`: the MUX.
    public var host: String
    /// `port`: the MUX port.
    public var port: UInt16
    /// `protocol_version` of every message sent (1–5).
    public var protocolVersion: UInt8
    /// `packet_mode`: 1 sends TS packets, else sections.
    public var packetMode: UInt8
    /// `bandwidth` requested, kbit/s.
    public var bandwidth: UInt16
    /// `repetition`: the cycle, seconds (at least 60 in force).
    public var repetition: UInt16
    /// `timeout`: seconds to wait for a handshake reply (0: 60 s, since the original then failed every handshake).
    public var timeout: UInt16
    /// `client_id`.
    public var clientID: UInt32
    /// `data_channel_id`.
    public var dataChannelID: UInt16
    /// `data_stream_id`.
    public var dataStreamID: UInt16
    /// `data_id`.
    public var dataID: UInt16
    /// `version`: settings version; a change makes the daemon apply the new row.
    public var version: UInt32

    /// The settings of a row.
    public init(row: EMMGRow) {
        id = row.id
        host = row.host
        port = row.port
        protocolVersion = row.protocolVersion
        packetMode = row.packetMode
        bandwidth = row.bandwidth
        repetition = row.repetition
        timeout = row.timeout
        clientID = row.clientID
        dataChannelID = row.dataChannelID
        dataStreamID = row.dataStreamID
        dataID = row.dataID
        version = row.version
    }

    /// Why a row may not run, or nil when it may: it needs `status = 1`, `d_id = 0` and `enable = 1`.
    public static func refusal(of row: EMMGRow?, id: UInt32) -> EMMGStartError? {
        guard let row else { return .missing(id: id) }
        if row.status != 1 { return .notActive(id: id, status: row.status) }
        if row.deletedBy != 0 { return .deleted(id: id) }
        if row.enable != 1 { return .disabled(id: id) }
        return nil
    }

    /// The handshake reply wait in seconds.
    public var handshakeTimeout: Double { timeout == 0 ? 60 : Double(timeout) }

    /// The packaging of the datagrams.
    public var packaging: DatagramPackaging { DatagramPackaging(packetMode: packetMode) }

    /// Whether a change from `self` to `other` needs a new MUX connection.
    public func needsReconnect(to other: EMMGSettingsRow) -> Bool {
        host != other.host || port != other.port || protocolVersion != other.protocolVersion || packetMode != other.packetMode
            || clientID != other.clientID || dataChannelID != other.dataChannelID || dataStreamID != other.dataStreamID
            || dataID != other.dataID || bandwidth != other.bandwidth
    }

    /// The file in `stateDirectory` holding the copy of row `id`.
    public static func copyURL(stateDirectory: String, id: UInt32) -> URL {
        URL(fileURLWithPath: stateDirectory).appendingPathComponent("emmg_\(id).json")
    }

    /// Saves the copy (best effort: an unwritable state directory only loses the outage start).
    public func saveCopy(stateDirectory: String) throws {
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(self)
        try data.write(to: Self.copyURL(stateDirectory: stateDirectory, id: id), options: .atomic)
    }

    /// The saved copy of row `id`, if any.
    public static func loadCopy(stateDirectory: String, id: UInt32) -> EMMGSettingsRow? {
        guard let data = try? Data(contentsOf: copyURL(stateDirectory: stateDirectory, id: id)) else { return nil }
        return try? JSONDecoder().decode(EMMGSettingsRow.self, from: data)
    }
}
