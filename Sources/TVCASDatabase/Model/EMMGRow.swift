/// One row of `tvcas_emmg`: an EMM generator (one MUX connection), with the original columns, `run_on` and the SimulCrypt ids.
public struct EMMGRow: Sendable, Equatable {
    /// `id`: row id; the generator is EMMG_<id>.
    public var id: UInt32
    /// `info`: label.
    public var info: String?
    /// `network_id`: unused.
    public var networkID: UInt32
    /// `host`: MUX host.
    public var host: String
    /// `port`: MUX port.
    public var port: UInt16
    /// `protocol_version`: EMMG/MUX protocol version.
    public var protocolVersion: UInt8
    /// `packet_mode`: section vs TS packet.
    public var packetMode: UInt8
    /// `bandwidth`: kbit/s requested.
    public var bandwidth: UInt16
    /// `repetition`: EMM cycle seconds.
    public var repetition: UInt16
    /// `period`: days.
    public var period: UInt8
    /// `period_messages`: days.
    public var periodMessages: UInt8
    /// `channel_test_delay`: seconds.
    public var channelTestDelay: UInt16
    /// `stream_test_delay`: seconds.
    public var streamTestDelay: UInt16
    /// `timeout`: seconds.
    public var timeout: UInt16
    /// `client_id`: SimulCrypt client id.
    public var clientID: UInt32
    /// `status`: the gate: runs only where 1 (and d_id = 0).
    public var status: UInt8
    /// `reload`: 1 = reload the card list.
    public var reload: UInt8
    /// `version`: settings version.
    public var version: UInt32
    /// `touch_version`: version the running generator reported.
    public var touchVersion: UInt32
    /// `touch_time`: heartbeat (unix).
    public var touchTime: UInt32
    /// `channel_time_open`: when the channel opened.
    public var channelTimeOpen: UInt32
    /// `stream_time_open`: when the stream opened.
    public var streamTimeOpen: UInt32
    /// `error_time_last`: last error (unix).
    public var errorTimeLast: UInt32
    /// `error_count`: errors.
    public var errorCount: UInt32
    /// `datagram_time_last`: last EMM sent (unix).
    public var datagramTimeLast: UInt32
    /// `datagram_count`: EMMs since (re)load.
    public var datagramCount: UInt32
    /// `queue_size`: pending datagrams.
    public var queueSize: UInt32
    /// `c_id`: audit.
    public var createdBy: UInt32
    /// `c_time`: audit: created.
    public var createdAt: UInt32
    /// `c_ip`: audit.
    public var createdIP: UInt32
    /// `m_id`: audit.
    public var modifiedBy: UInt32
    /// `m_time`: audit: modified.
    public var modifiedAt: UInt32
    /// `m_ip`: audit.
    public var modifiedIP: UInt32
    /// `d_id`: audit: deleted by (nonzero = deleted).
    public var deletedBy: UInt32
    /// `d_time`: audit.
    public var deletedAt: UInt32
    /// `d_ip`: audit.
    public var deletedIP: UInt32
    /// `reload_time`: last cron restart time.
    public var reloadTime: UInt32?
    /// `reload_sec`: restart period.
    public var reloadSec: UInt32
    /// `enable`: desired state: 1 = should run.
    public var enable: UInt32
    /// `uid`: unused.
    public var uid: UInt32
    /// `run_on`: hosts it may run on, comma list; empty = any.
    public var runOn: String
    /// `data_channel_id`: SimulCrypt data_channel_id.
    public var dataChannelID: UInt16
    /// `data_stream_id`: SimulCrypt data_stream_id.
    public var dataStreamID: UInt16
    /// `data_id`: SimulCrypt data_id.
    public var dataID: UInt16

    /// A row with the original schema's defaults.
    public init(
        id: UInt32 = 0, info: String? = nil, networkID: UInt32 = 1, host: String = "", port: UInt16 = 0, protocolVersion: UInt8 = 2,
        packetMode: UInt8 = 0, bandwidth: UInt16 = 64, repetition: UInt16 = 60, period: UInt8 = 30, periodMessages: UInt8 = 1,
        channelTestDelay: UInt16 = 60, streamTestDelay: UInt16 = 60, timeout: UInt16 = 0, clientID: UInt32 = 184549377, status: UInt8 = 1,
        reload: UInt8 = 0, version: UInt32 = 8, touchVersion: UInt32 = 8, touchTime: UInt32 = 0, channelTimeOpen: UInt32 = 0,
        streamTimeOpen: UInt32 = 0, errorTimeLast: UInt32 = 0, errorCount: UInt32 = 0, datagramTimeLast: UInt32 = 0, datagramCount: UInt32 = 0,
        queueSize: UInt32 = 0, createdBy: UInt32 = 0, createdAt: UInt32 = 0, createdIP: UInt32 = 0, modifiedBy: UInt32 = 0, modifiedAt: UInt32 = 0,
        modifiedIP: UInt32 = 0, deletedBy: UInt32 = 0, deletedAt: UInt32 = 0, deletedIP: UInt32 = 0, reloadTime: UInt32? = nil,
        reloadSec: UInt32 = 300, enable: UInt32 = 0, uid: UInt32 = 15, runOn: String = "", dataChannelID: UInt16 = 1, dataStreamID: UInt16 = 1,
        dataID: UInt16 = 1
    ) {
        self.id = id
        self.info = info
        self.networkID = networkID
        self.host = host
        self.port = port
        self.protocolVersion = protocolVersion
        self.packetMode = packetMode
        self.bandwidth = bandwidth
        self.repetition = repetition
        self.period = period
        self.periodMessages = periodMessages
        self.channelTestDelay = channelTestDelay
        self.streamTestDelay = streamTestDelay
        self.timeout = timeout
        self.clientID = clientID
        self.status = status
        self.reload = reload
        self.version = version
        self.touchVersion = touchVersion
        self.touchTime = touchTime
        self.channelTimeOpen = channelTimeOpen
        self.streamTimeOpen = streamTimeOpen
        self.errorTimeLast = errorTimeLast
        self.errorCount = errorCount
        self.datagramTimeLast = datagramTimeLast
        self.datagramCount = datagramCount
        self.queueSize = queueSize
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.createdIP = createdIP
        self.modifiedBy = modifiedBy
        self.modifiedAt = modifiedAt
        self.modifiedIP = modifiedIP
        self.deletedBy = deletedBy
        self.deletedAt = deletedAt
        self.deletedIP = deletedIP
        self.reloadTime = reloadTime
        self.reloadSec = reloadSec
        self.enable = enable
        self.uid = uid
        self.runOn = runOn
        self.dataChannelID = dataChannelID
        self.dataStreamID = dataStreamID
        self.dataID = dataID
    }
}

extension EMMGRow {
    /// The columns read for a row.
    static let columns =
        "`id`, `info`, `network_id`, `host`, `port`, `protocol_version`, `packet_mode`, `bandwidth`, `repetition`, `period`, `period_messages`, `channel_test_delay`, `stream_test_delay`, `timeout`, `client_id`, `status`, `reload`, `version`, `touch_version`, `touch_time`, `channel_time_open`, `stream_time_open`, `error_time_last`, `error_count`, `datagram_time_last`, `datagram_count`, `queue_size`, `c_id`, `c_time`, `c_ip`, `m_id`, `m_time`, `m_ip`, `d_id`, `d_time`, `d_ip`, `reload_time`, `reload_sec`, `enable`, `uid`, `run_on`, `data_channel_id`, `data_stream_id`, `data_id`"

    /// Every column but `id`, for INSERT.
    static let insertColumns =
        "`info`, `network_id`, `host`, `port`, `protocol_version`, `packet_mode`, `bandwidth`, `repetition`, `period`, `period_messages`, `channel_test_delay`, `stream_test_delay`, `timeout`, `client_id`, `status`, `reload`, `version`, `touch_version`, `touch_time`, `channel_time_open`, `stream_time_open`, `error_time_last`, `error_count`, `datagram_time_last`, `datagram_count`, `queue_size`, `c_id`, `c_time`, `c_ip`, `m_id`, `m_time`, `m_ip`, `d_id`, `d_time`, `d_ip`, `reload_time`, `reload_sec`, `enable`, `uid`, `run_on`, `data_channel_id`, `data_stream_id`, `data_id`"

    /// Reads a row; a NULL where the original default is not NULL reads as that default.
    init(row: Row) throws(DatabaseError) {
        self.init()
        id = try row.decode("id", as: UInt32?.self) ?? 0
        info = try row.decode("info")
        networkID = try row.decode("network_id", as: UInt32?.self) ?? 1
        host = try row.decode("host", as: String?.self) ?? ""
        port = try row.decode("port", as: UInt16?.self) ?? 0
        protocolVersion = try row.decode("protocol_version", as: UInt8?.self) ?? 2
        packetMode = try row.decode("packet_mode", as: UInt8?.self) ?? 0
        bandwidth = try row.decode("bandwidth", as: UInt16?.self) ?? 64
        repetition = try row.decode("repetition", as: UInt16?.self) ?? 60
        period = try row.decode("period", as: UInt8?.self) ?? 30
        periodMessages = try row.decode("period_messages", as: UInt8?.self) ?? 1
        channelTestDelay = try row.decode("channel_test_delay", as: UInt16?.self) ?? 60
        streamTestDelay = try row.decode("stream_test_delay", as: UInt16?.self) ?? 60
        timeout = try row.decode("timeout", as: UInt16?.self) ?? 0
        clientID = try row.decode("client_id", as: UInt32?.self) ?? 184549377
        status = try row.decode("status", as: UInt8?.self) ?? 1
        reload = try row.decode("reload", as: UInt8?.self) ?? 0
        version = try row.decode("version", as: UInt32?.self) ?? 8
        touchVersion = try row.decode("touch_version", as: UInt32?.self) ?? 8
        touchTime = try row.decode("touch_time", as: UInt32?.self) ?? 0
        channelTimeOpen = try row.decode("channel_time_open", as: UInt32?.self) ?? 0
        streamTimeOpen = try row.decode("stream_time_open", as: UInt32?.self) ?? 0
        errorTimeLast = try row.decode("error_time_last", as: UInt32?.self) ?? 0
        errorCount = try row.decode("error_count", as: UInt32?.self) ?? 0
        datagramTimeLast = try row.decode("datagram_time_last", as: UInt32?.self) ?? 0
        datagramCount = try row.decode("datagram_count", as: UInt32?.self) ?? 0
        queueSize = try row.decode("queue_size", as: UInt32?.self) ?? 0
        createdBy = try row.decode("c_id", as: UInt32?.self) ?? 0
        createdAt = try row.decode("c_time", as: UInt32?.self) ?? 0
        createdIP = try row.decode("c_ip", as: UInt32?.self) ?? 0
        modifiedBy = try row.decode("m_id", as: UInt32?.self) ?? 0
        modifiedAt = try row.decode("m_time", as: UInt32?.self) ?? 0
        modifiedIP = try row.decode("m_ip", as: UInt32?.self) ?? 0
        deletedBy = try row.decode("d_id", as: UInt32?.self) ?? 0
        deletedAt = try row.decode("d_time", as: UInt32?.self) ?? 0
        deletedIP = try row.decode("d_ip", as: UInt32?.self) ?? 0
        reloadTime = try row.decode("reload_time")
        reloadSec = try row.decode("reload_sec", as: UInt32?.self) ?? 300
        enable = try row.decode("enable", as: UInt32?.self) ?? 0
        uid = try row.decode("uid", as: UInt32?.self) ?? 15
        runOn = try row.decode("run_on", as: String?.self) ?? ""
        dataChannelID = try row.decode("data_channel_id", as: UInt16?.self) ?? 1
        dataStreamID = try row.decode("data_stream_id", as: UInt16?.self) ?? 1
        dataID = try row.decode("data_id", as: UInt16?.self) ?? 1
    }

    /// The values of every column but `id`, in ``insertColumns`` order.
    var insertValues: [SQLValue] {
        [
            info.sqlValue, networkID.sqlValue, host.sqlValue, port.sqlValue, protocolVersion.sqlValue, packetMode.sqlValue, bandwidth.sqlValue,
            repetition.sqlValue, period.sqlValue, periodMessages.sqlValue, channelTestDelay.sqlValue, streamTestDelay.sqlValue, timeout.sqlValue,
            clientID.sqlValue, status.sqlValue, reload.sqlValue, version.sqlValue, touchVersion.sqlValue, touchTime.sqlValue,
            channelTimeOpen.sqlValue, streamTimeOpen.sqlValue, errorTimeLast.sqlValue, errorCount.sqlValue, datagramTimeLast.sqlValue,
            datagramCount.sqlValue, queueSize.sqlValue, createdBy.sqlValue, createdAt.sqlValue, createdIP.sqlValue, modifiedBy.sqlValue,
            modifiedAt.sqlValue, modifiedIP.sqlValue, deletedBy.sqlValue, deletedAt.sqlValue, deletedIP.sqlValue, reloadTime.sqlValue,
            reloadSec.sqlValue, enable.sqlValue, uid.sqlValue, runOn.sqlValue, dataChannelID.sqlValue, dataStreamID.sqlValue, dataID.sqlValue,
        ]
    }
}
