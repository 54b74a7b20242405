/// One row of `tvcas_ecmg`: an ECM generator (one listening TCP port), with the original columns and `run_on`.
public struct ECMGRow: Sendable, Equatable {
    /// `id`: row id; the generator is ECMG_<id>.
    public var id: UInt32
    /// `info`: label.
    public var info: String?
    /// `network_id`: unused.
    public var networkID: UInt32
    /// `host`: bind IPv4 address as an integer (0 = all interfaces).
    public var host: UInt32
    /// `port`: TCP listen port.
    public var port: UInt16
    /// `packet_mode`: protocol option.
    public var packetMode: UInt8
    /// `key`: ECM key, 64 hex, as stored.
    public var key: String?
    /// `timeout`: seconds.
    public var timeout: UInt16
    /// `ac_delay_start`: SimulCrypt parameter (ms).
    public var acDelayStart: Int16
    /// `ac_delay_stop`: SimulCrypt parameter (ms).
    public var acDelayStop: Int16
    /// `delay_start`: SimulCrypt parameter (ms).
    public var delayStart: Int16
    /// `delay_stop`: SimulCrypt parameter (ms).
    public var delayStop: Int16
    /// `transition_delay_start`: SimulCrypt parameter (ms).
    public var transitionDelayStart: Int16
    /// `transition_delay_stop`: SimulCrypt parameter (ms).
    public var transitionDelayStop: Int16
    /// `repetition_period`: ECM repetition (ms).
    public var repetitionPeriod: UInt16
    /// `min_cp_duration`: minimum crypto-period (x100 ms).
    public var minCpDuration: UInt16
    /// `max_compute_time`: ms.
    public var maxComputeTime: UInt16
    /// `ecm_time1`: generator timing.
    public var ecmTime1: UInt16
    /// `ecm_time2`: generator timing.
    public var ecmTime2: UInt16
    /// `ecm_block_time`: generator timing.
    public var ecmBlockTime: UInt16
    /// `status`: the gate: runs only where 1.
    public var status: UInt8
    /// `reload`: 1 = reload requested.
    public var reload: UInt8
    /// `version`: settings version.
    public var version: UInt32
    /// `touch_version`: version the running generator reported.
    public var touchVersion: UInt32
    /// `touch_time`: heartbeat (unix), 0 = never.
    public var touchTime: UInt32
    /// `peers`: connected SCS peers (JSON, or PHP-serialized from the original).
    public var peers: String?
    /// `c_time`: created (unix).
    public var createdAt: UInt32
    /// `m_time`: modified (unix).
    public var modifiedAt: UInt32
    /// `enable`: desired state: 1 = should run.
    public var enable: UInt32
    /// `run_on`: hosts it may run on, comma list; empty = any.
    public var runOn: String

    /// A row with the original schema's defaults.
    public init(
        id: UInt32 = 0, info: String? = nil, networkID: UInt32 = 1, host: UInt32 = 0, port: UInt16 = 0, packetMode: UInt8 = 0, key: String? = nil,
        timeout: UInt16 = 60, acDelayStart: Int16 = 0, acDelayStop: Int16 = 0, delayStart: Int16 = 5000, delayStop: Int16 = 5000,
        transitionDelayStart: Int16 = 5000, transitionDelayStop: Int16 = 5000, repetitionPeriod: UInt16 = 200, minCpDuration: UInt16 = 100,
        maxComputeTime: UInt16 = 8000, ecmTime1: UInt16 = 60, ecmTime2: UInt16 = 60, ecmBlockTime: UInt16 = 0, status: UInt8 = 1, reload: UInt8 = 0,
        version: UInt32 = 9, touchVersion: UInt32 = 9, touchTime: UInt32 = 0, peers: String? = nil, createdAt: UInt32 = 1499385600,
        modifiedAt: UInt32 = 1499385600, enable: UInt32 = 0, runOn: String = ""
    ) {
        self.id = id
        self.info = info
        self.networkID = networkID
        self.host = host
        self.port = port
        self.packetMode = packetMode
        self.key = key
        self.timeout = timeout
        self.acDelayStart = acDelayStart
        self.acDelayStop = acDelayStop
        self.delayStart = delayStart
        self.delayStop = delayStop
        self.transitionDelayStart = transitionDelayStart
        self.transitionDelayStop = transitionDelayStop
        self.repetitionPeriod = repetitionPeriod
        self.minCpDuration = minCpDuration
        self.maxComputeTime = maxComputeTime
        self.ecmTime1 = ecmTime1
        self.ecmTime2 = ecmTime2
        self.ecmBlockTime = ecmBlockTime
        self.status = status
        self.reload = reload
        self.version = version
        self.touchVersion = touchVersion
        self.touchTime = touchTime
        self.peers = peers
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.enable = enable
        self.runOn = runOn
    }
}

extension ECMGRow {
    /// The columns read for a row.
    static let columns =
        "`id`, `info`, `network_id`, `host`, `port`, `packet_mode`, `key`, `timeout`, `ac_delay_start`, `ac_delay_stop`, `delay_start`, `delay_stop`, `transition_delay_start`, `transition_delay_stop`, `repetition_period`, `min_cp_duration`, `max_compute_time`, `ecm_time1`, `ecm_time2`, `ecm_block_time`, `status`, `reload`, `version`, `touch_version`, `touch_time`, `peers`, `c_time`, `m_time`, `enable`, `run_on`"

    /// Every column but `id`, for INSERT.
    static let insertColumns =
        "`info`, `network_id`, `host`, `port`, `packet_mode`, `key`, `timeout`, `ac_delay_start`, `ac_delay_stop`, `delay_start`, `delay_stop`, `transition_delay_start`, `transition_delay_stop`, `repetition_period`, `min_cp_duration`, `max_compute_time`, `ecm_time1`, `ecm_time2`, `ecm_block_time`, `status`, `reload`, `version`, `touch_version`, `touch_time`, `peers`, `c_time`, `m_time`, `enable`, `run_on`"

    /// Reads a row; a NULL where the original default is not NULL reads as that default.
    init(row: Row) throws(DatabaseError) {
        self.init()
        id = try row.decode("id", as: UInt32?.self) ?? 0
        info = try row.decode("info")
        networkID = try row.decode("network_id", as: UInt32?.self) ?? 1
        host = try row.decode("host", as: UInt32?.self) ?? 0
        port = try row.decode("port", as: UInt16?.self) ?? 0
        packetMode = try row.decode("packet_mode", as: UInt8?.self) ?? 0
        key = try row.decode("key")
        timeout = try row.decode("timeout", as: UInt16?.self) ?? 60
        acDelayStart = try row.decode("ac_delay_start", as: Int16?.self) ?? 0
        acDelayStop = try row.decode("ac_delay_stop", as: Int16?.self) ?? 0
        delayStart = try row.decode("delay_start", as: Int16?.self) ?? 5000
        delayStop = try row.decode("delay_stop", as: Int16?.self) ?? 5000
        transitionDelayStart = try row.decode("transition_delay_start", as: Int16?.self) ?? 5000
        transitionDelayStop = try row.decode("transition_delay_stop", as: Int16?.self) ?? 5000
        repetitionPeriod = try row.decode("repetition_period", as: UInt16?.self) ?? 200
        minCpDuration = try row.decode("min_cp_duration", as: UInt16?.self) ?? 100
        maxComputeTime = try row.decode("max_compute_time", as: UInt16?.self) ?? 8000
        ecmTime1 = try row.decode("ecm_time1", as: UInt16?.self) ?? 60
        ecmTime2 = try row.decode("ecm_time2", as: UInt16?.self) ?? 60
        ecmBlockTime = try row.decode("ecm_block_time", as: UInt16?.self) ?? 0
        status = try row.decode("status", as: UInt8?.self) ?? 1
        reload = try row.decode("reload", as: UInt8?.self) ?? 0
        version = try row.decode("version", as: UInt32?.self) ?? 9
        touchVersion = try row.decode("touch_version", as: UInt32?.self) ?? 9
        touchTime = try row.decode("touch_time", as: UInt32?.self) ?? 0
        peers = try row.decode("peers")
        createdAt = try row.decode("c_time", as: UInt32?.self) ?? 1499385600
        modifiedAt = try row.decode("m_time", as: UInt32?.self) ?? 1499385600
        enable = try row.decode("enable", as: UInt32?.self) ?? 0
        runOn = try row.decode("run_on", as: String?.self) ?? ""
    }

    /// The values of every column but `id`, in ``insertColumns`` order.
    var insertValues: [SQLValue] {
        [
            info.sqlValue, networkID.sqlValue, host.sqlValue, port.sqlValue, packetMode.sqlValue, key.sqlValue, timeout.sqlValue,
            acDelayStart.sqlValue, acDelayStop.sqlValue, delayStart.sqlValue, delayStop.sqlValue, transitionDelayStart.sqlValue,
            transitionDelayStop.sqlValue, repetitionPeriod.sqlValue, minCpDuration.sqlValue, maxComputeTime.sqlValue, ecmTime1.sqlValue,
            ecmTime2.sqlValue, ecmBlockTime.sqlValue, status.sqlValue, reload.sqlValue, version.sqlValue, touchVersion.sqlValue, touchTime.sqlValue,
            peers.sqlValue, createdAt.sqlValue, modifiedAt.sqlValue, enable.sqlValue, runOn.sqlValue,
        ]
    }
}
