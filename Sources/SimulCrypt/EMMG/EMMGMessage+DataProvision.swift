import NIOCore

extension EMMGMessage {
    /// data_provision (0x0211): the EMMG sends datagrams (EMMs) on a stream.
    ///
    /// Encoded as the original: client_id, data_channel_id, data_stream_id, data_id, datagram.
    public struct DataProvision: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id (mandatory on version 1, optional from version 2).
        public var channelID: UInt16?
        /// data_stream_id (mandatory on version 1, optional from version 2).
        public var streamID: UInt16?
        /// data_id (mandatory from version 2; the original sent it on version 1 too).
        public var dataID: UInt16?
        /// datagram values, at least one: sections, or 188-byte TS packets in packet mode.
        public var datagrams: [ByteBuffer]

        /// A data_provision.
        public init(clientID: UInt32, channelID: UInt16? = nil, streamID: UInt16? = nil, dataID: UInt16? = nil, datagrams: [ByteBuffer]) {
            self.clientID = clientID
            self.channelID = channelID
            self.streamID = streamID
            self.dataID = dataID
            self.datagrams = datagrams
        }
    }
}

extension EMMGMessage.DataProvision {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.protocolVersion == 1 ? parameters.integer(.dataChannelID) : parameters.optionalInteger(.dataChannelID)
        streamID = try parameters.protocolVersion == 1 ? parameters.integer(.dataStreamID) : parameters.optionalInteger(.dataStreamID)
        dataID = try parameters.protocolVersion >= 2 ? parameters.integer(.dataID) : parameters.optionalInteger(.dataID)
        datagrams = try parameters.takeAll(.datagram, occurrences: 1...Int.max, lengths: 0...Int.max)
    }

    func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        buffer.writeEMMGParameter(.clientID, clientID)
        if let channelID { buffer.writeEMMGParameter(.dataChannelID, channelID) }
        if let streamID { buffer.writeEMMGParameter(.dataStreamID, streamID) }
        if let dataID { buffer.writeEMMGParameter(.dataID, dataID) }
        for datagram in datagrams { try buffer.writeEMMGParameter(.datagram, bytes: datagram) }
    }
}
