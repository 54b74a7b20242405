import NIOCore

extension EMMGMessage {
    /// stream_status (0x0113): the answer to stream_setup and stream_test.
    ///
    /// Encoded as the original: client_id, data_channel_id, data_stream_id, data_id, data_type.
    public struct StreamStatus: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16
        /// data_stream_id.
        public var streamID: UInt16
        /// data_id (mandatory from version 2; the original sent it on version 1 too).
        public var dataID: UInt16?
        /// data_type: EMM or private data.
        public var dataType: EMMGDataType

        /// A stream_status.
        public init(clientID: UInt32, channelID: UInt16, streamID: UInt16, dataID: UInt16? = nil, dataType: EMMGDataType) {
            self.clientID = clientID
            self.channelID = channelID
            self.streamID = streamID
            self.dataID = dataID
            self.dataType = dataType
        }
    }
}

extension EMMGMessage.StreamStatus {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
        streamID = try parameters.integer(.dataStreamID)
        dataID = try parameters.protocolVersion >= 2 ? parameters.integer(.dataID) : parameters.optionalInteger(.dataID)
        dataType = EMMGDataType(rawValue: try parameters.integer(.dataType))
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
        buffer.writeEMMGParameter(.dataStreamID, streamID)
        if let dataID { buffer.writeEMMGParameter(.dataID, dataID) }
        buffer.writeEMMGParameter(.dataType, dataType.rawValue)
    }
}
