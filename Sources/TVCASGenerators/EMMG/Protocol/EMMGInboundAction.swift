import SimulCrypt

/// What the EMMG does with one message from the MUX (``EMMGInbound/action(for:)``).
public enum EMMGInboundAction: Sendable, Equatable {
    /// Send this reply and go on.
    case reply(SimulCryptPDU<EMMGMessage>)
    /// The channel is confirmed open (channel_status).
    case channelOpen
    /// The stream is confirmed open (stream_status).
    case streamOpen
    /// The MUX allocated this bandwidth, kbit/s (nil: the allocation named none).
    case bandwidthAllocated(UInt16?)
    /// The MUX reported an error; counted and logged, the connection goes on.
    case peerError([EMMGErrorStatus])
    /// The MUX closed the channel: close the connection and connect again.
    case channelClosed
    /// The MUX asked to close the stream: send the reply, then close the channel and connect again.
    case streamClosed(reply: SimulCryptPDU<EMMGMessage>)
    /// Nothing to do (a stream_close_response, an EMMG-side message echoed back).
    case ignore
}
