import NIOCore

extension ECMGMessage {
    /// The answer to a message that could not be decoded: a stream_error when it named a
    /// stream, else a channel_error, with the error's error_status.
    ///
    /// - Parameters:
    ///   - error: what was wrong with the message.
    ///   - channelID: the connection's channel, used when the message named none.
    ///   - errorInformation: optional text or bytes for the peer's log.
    /// Send it with the request's protocol_version, or the highest supported one when the
    /// version itself was the problem.
    public init(errorReplyTo error: SimulCryptDecodingError, channelID: UInt16, errorInformation: [ByteBuffer] = []) {
        let channel = error.channelID ?? channelID
        if let stream = error.streamID {
            self = .streamError(
                StreamError(
                    channelID: channel, streamID: stream, errorStatus: error.ecmgErrorStatus, errorInformation: errorInformation))
        } else {
            self = .channelError(
                ChannelError(channelID: channel, errorStatus: error.ecmgErrorStatus, errorInformation: errorInformation))
        }
    }
}
