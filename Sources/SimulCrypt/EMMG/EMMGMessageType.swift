/// A message_type of the EMMG⇔MUX interface (ETSI TS 103 197). Unknown codes are representable so
/// that a decoder can name them in its error.
public struct EMMGMessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The two-byte code on the wire.
    public var rawValue: UInt16

    /// The message type with this code.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 0x0011 channel_setup.
    public static let channelSetup = Self(rawValue: 0x0011)
    /// 0x0012 channel_test.
    public static let channelTest = Self(rawValue: 0x0012)
    /// 0x0013 channel_status.
    public static let channelStatus = Self(rawValue: 0x0013)
    /// 0x0014 channel_close.
    public static let channelClose = Self(rawValue: 0x0014)
    /// 0x0015 channel_error.
    public static let channelError = Self(rawValue: 0x0015)
    /// 0x0111 stream_setup.
    public static let streamSetup = Self(rawValue: 0x0111)
    /// 0x0112 stream_test.
    public static let streamTest = Self(rawValue: 0x0112)
    /// 0x0113 stream_status.
    public static let streamStatus = Self(rawValue: 0x0113)
    /// 0x0114 stream_close_request.
    public static let streamCloseRequest = Self(rawValue: 0x0114)
    /// 0x0115 stream_close_response.
    public static let streamCloseResponse = Self(rawValue: 0x0115)
    /// 0x0116 stream_error.
    public static let streamError = Self(rawValue: 0x0116)
    /// 0x0117 stream_BW_request.
    public static let streamBWRequest = Self(rawValue: 0x0117)
    /// 0x0118 stream_BW_allocation.
    public static let streamBWAllocation = Self(rawValue: 0x0118)
    /// 0x0211 data_provision.
    public static let dataProvision = Self(rawValue: 0x0211)

    /// The standard's name of the message, or `nil` for a code the interface does not define.
    public var name: String? {
        switch rawValue {
        case 0x0011: "channel_setup"
        case 0x0012: "channel_test"
        case 0x0013: "channel_status"
        case 0x0014: "channel_close"
        case 0x0015: "channel_error"
        case 0x0111: "stream_setup"
        case 0x0112: "stream_test"
        case 0x0113: "stream_status"
        case 0x0114: "stream_close_request"
        case 0x0115: "stream_close_response"
        case 0x0116: "stream_error"
        case 0x0117: "stream_BW_request"
        case 0x0118: "stream_BW_allocation"
        case 0x0211: "data_provision"
        default: nil
        }
    }

    /// Whether the interface defines this message type.
    public var isKnown: Bool { name != nil }

    public var description: String {
        hex(rawValue) + (name.map { " \($0)" } ?? "")
    }
}
