/// An error_status value of the EMMG⇔MUX interface (ETSI TS 103 197), as sent in
/// channel_error and stream_error. Values outside the standard's table are kept as they are.
public struct EMMGErrorStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The two-byte code on the wire.
    public var rawValue: UInt16

    /// The status with this code.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 0x0001: invalid message.
    public static let invalidMessage = Self(rawValue: 0x0001)
    /// 0x0002: unsupported protocol version.
    public static let unsupportedProtocolVersion = Self(rawValue: 0x0002)
    /// 0x0003: unknown message_type value.
    public static let unknownMessageType = Self(rawValue: 0x0003)
    /// 0x0004: message too long.
    public static let messageTooLong = Self(rawValue: 0x0004)
    /// 0x0005: unknown data_stream_id value.
    public static let unknownDataStreamID = Self(rawValue: 0x0005)
    /// 0x0006: unknown data_channel_id value.
    public static let unknownDataChannelID = Self(rawValue: 0x0006)
    /// 0x0007: too many channels on this MUX.
    public static let tooManyChannelsOnThisMUX = Self(rawValue: 0x0007)
    /// 0x0008: too many data streams on this channel.
    public static let tooManyDataStreamsOnThisChannel = Self(rawValue: 0x0008)
    /// 0x0009: too many data streams on this MUX.
    public static let tooManyDataStreamsOnThisMUX = Self(rawValue: 0x0009)
    /// 0x000A: unknown parameter_type.
    public static let unknownParameterType = Self(rawValue: 0x000A)
    /// 0x000B: inconsistent length for DVB parameter.
    public static let inconsistentLengthForDVBParameter = Self(rawValue: 0x000B)
    /// 0x000C: missing mandatory DVB parameter.
    public static let missingMandatoryDVBParameter = Self(rawValue: 0x000C)
    /// 0x000D: invalid value for DVB parameter.
    public static let invalidValueForDVBParameter = Self(rawValue: 0x000D)
    /// 0x000E: unknown client_id value.
    public static let unknownClientID = Self(rawValue: 0x000E)
    /// 0x000F: exceeded bandwidth.
    public static let exceededBandwidth = Self(rawValue: 0x000F)
    /// 0x0010: unknown data_id value.
    public static let unknownDataID = Self(rawValue: 0x0010)
    /// 0x0011: data_channel_id value already in use.
    public static let dataChannelIDInUse = Self(rawValue: 0x0011)
    /// 0x0012: data_stream_id value already in use.
    public static let dataStreamIDInUse = Self(rawValue: 0x0012)
    /// 0x0013: data_id value already in use.
    public static let dataIDInUse = Self(rawValue: 0x0013)
    /// 0x0014: client_id value already in use.
    public static let clientIDInUse = Self(rawValue: 0x0014)
    /// 0x7000: unknown error.
    public static let unknownError = Self(rawValue: 0x7000)
    /// 0x7001: unrecoverable error.
    public static let unrecoverableError = Self(rawValue: 0x7001)

    /// The standard's wording for the status, or `nil` for a code it does not define.
    public var name: String? {
        switch rawValue {
        case 0x0001: "invalid message"
        case 0x0002: "unsupported protocol version"
        case 0x0003: "unknown message_type value"
        case 0x0004: "message too long"
        case 0x0005: "unknown data_stream_id value"
        case 0x0006: "unknown data_channel_id value"
        case 0x0007: "too many channels on this MUX"
        case 0x0008: "too many data streams on this channel"
        case 0x0009: "too many data streams on this MUX"
        case 0x000A: "unknown parameter_type"
        case 0x000B: "inconsistent length for DVB parameter"
        case 0x000C: "missing mandatory DVB parameter"
        case 0x000D: "invalid value for DVB parameter"
        case 0x000E: "unknown client_id value"
        case 0x000F: "exceeded bandwidth"
        case 0x0010: "unknown data_id value"
        case 0x0011: "data_channel_id value already in use"
        case 0x0012: "data_stream_id value already in use"
        case 0x0013: "data_id value already in use"
        case 0x0014: "client_id value already in use"
        case 0x7000: "unknown error"
        case 0x7001: "unrecoverable error"
        default: nil
        }
    }

    public var description: String {
        hex(rawValue) + (name.map { " (\($0))" } ?? "")
    }
}
