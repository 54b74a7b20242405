import NIOCore

extension EMMGMessage {
    /// The answer to a message that could not be decoded: a stream_error when it named a
    /// stream, else a channel_error, with the error's error_status.
    ///
    /// - Parameters:
    ///   - error: what was wrong with the message.
    ///   - clientID: the connection's client_id, used when the message named none.
    ///   - channelID: the connection's data channel, used when the message named none.
    ///   - errorInformation: optional text or bytes for the peer's log.
    public init(
        errorReplyTo error: SimulCryptDecodingError, clientID: UInt32, channelID: UInt16, errorInformation: [ByteBuffer] = []
    ) {
        let client = error.clientID ?? clientID
        let channel = error.channelID ?? channelID
        if let stream = error.streamID {
            self = .streamError(
                StreamError(
                    clientID: client, channelID: channel, streamID: stream, errorStatus: error.emmgErrorStatus,
                    errorInformation: errorInformation))
        } else {
            self = .channelError(
                ChannelError(
                    clientID: client, channelID: channel, errorStatus: error.emmgErrorStatus, errorInformation: errorInformation))
        }
    }
}
