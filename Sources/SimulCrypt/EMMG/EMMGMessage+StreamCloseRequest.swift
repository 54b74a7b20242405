import NIOCore

extension EMMGMessage {
    /// stream_close_request (0x0114): either side ends a stream; the answer is stream_close_response.
    public struct StreamCloseRequest: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16
        /// data_stream_id.
        public var streamID: UInt16

        /// A stream_close_request.
        public init(clientID: UInt32, channelID: UInt16, streamID: UInt16) {
            self.clientID = clientID
            self.channelID = channelID
            self.streamID = streamID
        }
    }
}

extension EMMGMessage.StreamCloseRequest {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
        streamID = try parameters.integer(.dataStreamID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
        buffer.writeEMMGParameter(.dataStreamID, streamID)
    }
}
