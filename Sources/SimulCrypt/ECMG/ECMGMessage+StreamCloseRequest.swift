import NIOCore

extension ECMGMessage {
    /// stream_close_request (0x0104): the SCS ends a stream; the answer is stream_close_response.
    public struct StreamCloseRequest: Hashable, Sendable {
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

extension ECMGMessage.StreamCloseRequest {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
    }
}
