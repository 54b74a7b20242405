import NIOCore

/// A message of the EMMG⇔MUX interface (ETSI TS 103 197, protocol versions 1–5).
///
/// Each case's payload is a value type named after the message, declared in
/// `EMMGMessage+<Message>.swift` together with its decoding and encoding.
public enum EMMGMessage: SimulCryptMessage {
    /// channel_setup (0x0011), EMMG → MUX.
    case channelSetup(ChannelSetup)
    /// channel_test (0x0012), either way.
    case channelTest(ChannelTest)
    /// channel_status (0x0013), either way.
    case channelStatus(ChannelStatus)
    /// channel_close (0x0014), either way.
    case channelClose(ChannelClose)
    /// channel_error (0x0015), either way.
    case channelError(ChannelError)
    /// stream_setup (0x0111), EMMG → MUX.
    case streamSetup(StreamSetup)
    /// stream_test (0x0112), either way.
    case streamTest(StreamTest)
    /// stream_status (0x0113), either way.
    case streamStatus(StreamStatus)
    /// stream_close_request (0x0114), either way.
    case streamCloseRequest(StreamCloseRequest)
    /// stream_close_response (0x0115), either way.
    case streamCloseResponse(StreamCloseResponse)
    /// stream_error (0x0116), either way.
    case streamError(StreamError)
    /// stream_BW_request (0x0117), EMMG → MUX.
    case streamBWRequest(StreamBWRequest)
    /// stream_BW_allocation (0x0118), MUX → EMMG.
    case streamBWAllocation(StreamBWAllocation)
    /// data_provision (0x0211), EMMG → MUX.
    case dataProvision(DataProvision)

    public static let interface = SimulCryptInterface.emmgMUX

    /// The message's type.
    public var messageType: EMMGMessageType {
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
        case .streamBWRequest: .streamBWRequest
        case .streamBWAllocation: .streamBWAllocation
        case .dataProvision: .dataProvision
        }
    }

    public var messageTypeCode: UInt16 { messageType.rawValue }

    /// The client_id every EMMG⇔MUX message carries.
    public var clientID: UInt32 {
        switch self {
        case .channelSetup(let m): m.clientID
        case .channelTest(let m): m.clientID
        case .channelStatus(let m): m.clientID
        case .channelClose(let m): m.clientID
        case .channelError(let m): m.clientID
        case .streamSetup(let m): m.clientID
        case .streamTest(let m): m.clientID
        case .streamStatus(let m): m.clientID
        case .streamCloseRequest(let m): m.clientID
        case .streamCloseResponse(let m): m.clientID
        case .streamError(let m): m.clientID
        case .streamBWRequest(let m): m.clientID
        case .streamBWAllocation(let m): m.clientID
        case .dataProvision(let m): m.clientID
        }
    }
}
