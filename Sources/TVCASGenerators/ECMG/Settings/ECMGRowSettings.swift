import SimulCrypt
import TVCASCore
import TVCASDatabase

/// What an ECMG takes from its `tvcas_ecmg` row (simulcrypt.md §2.1): where it listens, the
/// channel parameters it announces, its peer timeout and its ECM key.
///
/// The daemon saves a copy in its state directory after every load so that it
/// can start from it while MariaDB is down (decisions.md §3).
public struct ECMGRowSettings: Hashable, Sendable {
    /// `id`: the generator is ECMG_<id>.
    public var id: UInt32
    /// `version` of the row these settings came from.
    public var version: UInt32
    /// `host`: the IPv4 listen address as the original stored it (`inet_aton` order; 0 = all).
    public var host: UInt32
    /// `port`: the TCP listen port.
    public var port: UInt16
    /// `packet_mode`: 0 sections, 1 188-byte TS packets (decisions.md §2).
    public var packetMode: SectionTSpktFlag
    /// `timeout` in seconds: a peer silent this long gets a channel_test, and is dropped after
    /// as long again; 0 turns the inactivity check off.
    public var timeout: UInt16
    /// `delay_start` (ms).
    public var delayStart: Int16
    /// `delay_stop` (ms).
    public var delayStop: Int16
    /// `transition_delay_start` (ms).
    public var transitionDelayStart: Int16
    /// `transition_delay_stop` (ms).
    public var transitionDelayStop: Int16
    /// `ac_delay_start` (ms), announced only when not 0.
    public var acDelayStart: Int16
    /// `ac_delay_stop` (ms), announced only when not 0.
    public var acDelayStop: Int16
    /// `repetition_period`: ECM_rep_period (ms).
    public var repetitionPeriod: UInt16
    /// `min_cp_duration`: min_CP_duration (units of 100 ms).
    public var minCPDuration: UInt16
    /// `max_compute_time`: max_comp_time (ms).
    public var maxComputeTime: UInt16
    /// `key`: the 32-byte ECM key, text as stored.
    public var key: ECMKey

    /// Settings from their parts; the defaults are the original schema's.
    public init(
        id: UInt32, version: UInt32 = 9, host: UInt32 = 0, port: UInt16, packetMode: SectionTSpktFlag = .sections,
        timeout: UInt16 = 60, delayStart: Int16 = 5000, delayStop: Int16 = 5000, transitionDelayStart: Int16 = 5000,
        transitionDelayStop: Int16 = 5000, acDelayStart: Int16 = 0, acDelayStop: Int16 = 0, repetitionPeriod: UInt16 = 200,
        minCPDuration: UInt16 = 100, maxComputeTime: UInt16 = 8000, key: ECMKey
    ) {
        self.id = id
        self.version = version
        self.host = host
        self.port = port
        self.packetMode = packetMode
        self.timeout = timeout
        self.delayStart = delayStart
        self.delayStop = delayStop
        self.transitionDelayStart = transitionDelayStart
        self.transitionDelayStop = transitionDelayStop
        self.acDelayStart = acDelayStart
        self.acDelayStop = acDelayStop
        self.repetitionPeriod = repetitionPeriod
        self.minCPDuration = minCPDuration
        self.maxComputeTime = maxComputeTime
        self.key = key
    }

    /// The settings of `row`, whatever its `status` and `enable` (see ``ECMGRowCheck``).
    ///
    /// - Throws: ``ECMGSettingsError`` when the row's key is not 64 hex digits or its
    ///   `packet_mode` is neither 0 nor 1.
    public init(row: ECMGRow) throws(ECMGSettingsError) {
        guard let keyText = row.key, let key = try? ECMKey(hex: keyText) else {
            throw .badKey(id: row.id, text: row.key)
        }
        guard row.packetMode <= 1, let packetMode = SectionTSpktFlag(rawValue: row.packetMode) else {
            throw .badPacketMode(id: row.id, value: row.packetMode)
        }
        self.init(
            id: row.id, version: row.version, host: row.host, port: row.port, packetMode: packetMode, timeout: row.timeout,
            delayStart: row.delayStart, delayStop: row.delayStop, transitionDelayStart: row.transitionDelayStart,
            transitionDelayStop: row.transitionDelayStop, acDelayStart: row.acDelayStart, acDelayStop: row.acDelayStop,
            repetitionPeriod: row.repetitionPeriod, minCPDuration: row.minCpDuration, maxComputeTime: row.maxComputeTime, key: key)
    }

    /// The listen address in dotted form, as the original's `inet_ntoa(host)` (0 → `0.0.0.0`).
    public var listenHost: String {
        [24, 16, 8, 0].map { String((host >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    /// Whether listening for `other` needs a new socket (address or port changed).
    public func needsRebind(for other: ECMGRowSettings) -> Bool {
        host != other.host || port != other.port
    }

    /// The channel_status the ECMG answers channel_setup and channel_test with, in the original's
    /// parameter order (simulcrypt.md §2.3): max_streams 256, lead_CW 1, CW_per_msg 2, and the
    /// AC delays only when not 0.
    public func channelStatus(channelID: UInt16) -> ECMGMessage.ChannelStatus {
        ECMGMessage.ChannelStatus(
            channelID: channelID, sectionTSpktFlag: packetMode, acDelayStart: acDelayStart == 0 ? nil : acDelayStart,
            acDelayStop: acDelayStop == 0 ? nil : acDelayStop, delayStart: delayStart, delayStop: delayStop,
            transitionDelayStart: transitionDelayStart, transitionDelayStop: transitionDelayStop, ecmRepPeriod: repetitionPeriod,
            maxStreams: Self.maxStreams, minCPDuration: minCPDuration, leadCW: 1, cwPerMessage: 2, maxCompTime: maxComputeTime)
    }

    /// max_streams announced and enforced per channel.
    public static let maxStreams: UInt16 = 256
}
