import NIOCore

extension ECMGMessage {
    /// stream_close_response (0x0105): the ECMG confirms that a stream is closed.
    public struct StreamCloseResponse: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16
        /// ECM_stream_id.
        public var streamID: UInt16

        /// A message for stream `streamID` of channel `channelID`.
        public init(channelID: UInt16, streamID: UInt16) {
            self.channelID = channelID
            self.streamID = streamID
        }
    }
}

extension ECMGMessage.StreamCloseResponse {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
    }
}

extension ECMGMessage.StreamCloseResponse {
    /// The answer to `request`: same channel and stream.
    public init(replyingTo request: ECMGMessage.StreamCloseRequest) {
        self.init(channelID: request.channelID, streamID: request.streamID)
    }
}
