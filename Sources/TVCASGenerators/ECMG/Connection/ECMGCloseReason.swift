/// Why the ECMG ends a connection.
public enum ECMGCloseReason: Hashable, Sendable, CustomStringConvertible {
    /// The SCS closed the channel with channel_close.
    case channelClosed
    /// Nothing arrived for `timeout` seconds and no channel was open.
    case idleWithoutChannel(seconds: UInt16)
    /// Nothing arrived for `timeout` seconds after the ECMG's channel_test.
    case noAnswerToChannelTest(seconds: UInt16)
    /// A message header announced more than the ECMG reads; the stream cannot be resynchronised.
    case messageTooLong(length: Int)
    /// The daemon is shutting down.
    case shutdown

    public var description: String {
        switch self {
        case .channelClosed: "channel closed by the SCS"
        case .idleWithoutChannel(let seconds): "nothing received for \(seconds) s and no channel open"
        case .noAnswerToChannelTest(let seconds): "no answer to channel_test within \(seconds) s"
        case .messageTooLong(let length): "message of \(length) parameter bytes is too long"
        case .shutdown: "ECMG shutting down"
        }
    }
}
