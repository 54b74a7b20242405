/// A message_type of the ECMG⇔SCS interface (ETSI TS 103 197). Unknown codes are representable so
/// that a decoder can name them in its error.
public struct ECMGMessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The two-byte code on the wire.
    public var rawValue: UInt16

    /// The message type with this code.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 0x0001 channel_setup.
    public static let channelSetup = Self(rawValue: 0x0001)
    /// 0x0002 channel_test.
    public static let channelTest = Self(rawValue: 0x0002)
    /// 0x0003 channel_status.
    public static let channelStatus = Self(rawValue: 0x0003)
    /// 0x0004 channel_close.
    public static let channelClose = Self(rawValue: 0x0004)
    /// 0x0005 channel_error.
    public static let channelError = Self(rawValue: 0x0005)
    /// 0x0101 stream_setup.
    public static let streamSetup = Self(rawValue: 0x0101)
    /// 0x0102 stream_test.
    public static let streamTest = Self(rawValue: 0x0102)
    /// 0x0103 stream_status.
    public static let streamStatus = Self(rawValue: 0x0103)
    /// 0x0104 stream_close_request.
    public static let streamCloseRequest = Self(rawValue: 0x0104)
    /// 0x0105 stream_close_response.
    public static let streamCloseResponse = Self(rawValue: 0x0105)
    /// 0x0106 stream_error.
    public static let streamError = Self(rawValue: 0x0106)
    /// 0x0201 CW_provision.
    public static let cwProvision = Self(rawValue: 0x0201)
    /// 0x0202 ECM_response.
    public static let ecmResponse = Self(rawValue: 0x0202)

    /// The standard's name of the message, or `nil` for a code the interface does not define.
    public var name: String? {
        switch rawValue {
        case 0x0001: "channel_setup"
        case 0x0002: "channel_test"
        case 0x0003: "channel_status"
        case 0x0004: "channel_close"
        case 0x0005: "channel_error"
        case 0x0101: "stream_setup"
        case 0x0102: "stream_test"
        case 0x0103: "stream_status"
        case 0x0104: "stream_close_request"
        case 0x0105: "stream_close_response"
        case 0x0106: "stream_error"
        case 0x0201: "CW_provision"
        case 0x0202: "ECM_response"
        default: nil
        }
    }

    /// Whether the interface defines this message type.
    public var isKnown: Bool { name != nil }

    public var description: String {
        hex(rawValue) + (name.map { " \($0)" } ?? "")
    }
}
