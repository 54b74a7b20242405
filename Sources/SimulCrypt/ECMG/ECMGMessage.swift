import NIOCore

/// A message of the ECMG⇔SCS interface (ETSI TS 103 197, protocol versions 1–3).
///
/// Each case's payload is a value type named after the message, declared in
/// `ECMGMessage+<Message>.swift` together with its decoding and encoding.
public enum ECMGMessage: SimulCryptMessage {
    /// channel_setup (0x0001), SCS → ECMG.
    case channelSetup(ChannelSetup)
    /// channel_test (0x0002), either way.
    case channelTest(ChannelTest)
    /// channel_status (0x0003), either way.
    case channelStatus(ChannelStatus)
    /// channel_close (0x0004), SCS → ECMG.
    case channelClose(ChannelClose)
    /// channel_error (0x0005), either way.
    case channelError(ChannelError)
    /// stream_setup (0x0101), SCS → ECMG.
    case streamSetup(StreamSetup)
    /// stream_test (0x0102), either way.
    case streamTest(StreamTest)
    /// stream_status (0x0103), either way.
    case streamStatus(StreamStatus)
    /// stream_close_request (0x0104), SCS → ECMG.
    case streamCloseRequest(StreamCloseRequest)
    /// stream_close_response (0x0105), ECMG → SCS.
    case streamCloseResponse(StreamCloseResponse)
    /// stream_error (0x0106), either way.
    case streamError(StreamError)
    /// CW_provision (0x0201), SCS → ECMG.
    case cwProvision(CWProvision)
    /// ECM_response (0x0202), ECMG → SCS.
    case ecmResponse(ECMResponse)

    public static let interface = SimulCryptInterface.ecmgSCS

    /// The message's type.
    public var messageType: ECMGMessageType {
        switch self {
        case .channelSetup: .channelSetup
        case .channelTest: .channelTest
        case .channelStatus: .channelStatus
        case .channelClose: .channelClose
        case .channelError: .channelError
        case .streamSetup: .streamSetup
        case .streamTest: .streamTest
        case .streamStatus: .streamStatus
        case .streamCloseRequest: .streamCloseRequest
        case .streamCloseResponse: .streamCloseResponse
        case .streamError: .streamError
        case .cwProvision: .cwProvision
        case .ecmResponse: .ecmResponse
        }
    }

    public var messageTypeCode: UInt16 { messageType.rawValue }

    /// The ECM_channel_id every ECMG⇔SCS message carries.
    public var channelID: UInt16 {
        switch self {
        case .channelSetup(let m): m.channelID
        case .channelTest(let m): m.channelID
        case .channelStatus(let m): m.channelID
        case .channelClose(let m): m.channelID
        case .channelError(let m): m.channelID
        case .streamSetup(let m): m.channelID
        case .streamTest(let m): m.channelID
        case .streamStatus(let m): m.channelID
        case .streamCloseRequest(let m): m.channelID
        case .streamCloseResponse(let m): m.channelID
        case .streamError(let m): m.channelID
        case .cwProvision(let m): m.channelID
        case .ecmResponse(let m): m.channelID
        }
    }
}
