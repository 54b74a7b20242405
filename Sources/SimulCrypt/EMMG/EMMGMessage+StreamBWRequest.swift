import NIOCore

extension EMMGMessage {
    /// stream_BW_request (0x0117): the EMMG asks for bandwidth on a stream.
    ///
    /// Encoded as the original: client_id, data_channel_id, data_stream_id, bandwidth.
    public struct StreamBWRequest: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16
        /// data_stream_id.
        public var streamID: UInt16
        /// bandwidth in kbit/s, when sent.
        public var bandwidth: UInt16?

        /// A stream_BW_request.
        public init(clientID: UInt32, channelID: UInt16, streamID: UInt16, bandwidth: UInt16? = nil) {
            self.clientID = clientID
            self.channelID = channelID
            self.streamID = streamID
            self.bandwidth = bandwidth
        }
    }
}

extension EMMGMessage.StreamBWRequest {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
        streamID = try parameters.integer(.dataStreamID)
        bandwidth = try parameters.optionalInteger(.bandwidth)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
        buffer.writeEMMGParameter(.dataStreamID, streamID)
        if let bandwidth { buffer.writeEMMGParameter(.bandwidth, bandwidth) }
    }
}
