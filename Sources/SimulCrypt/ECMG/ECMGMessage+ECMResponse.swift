import NIOCore

extension ECMGMessage {
    /// ECM_response (0x0202): the ECMG's answer to CW_provision, carrying the ECM.
    ///
    /// Encoded as ECM_channel_id, ECM_stream_id, CP_number, ECM_datagram.
    public struct ECMResponse: Hashable, Sendable {
        /// ECM_channel_id of the request.
        public var channelID: UInt16
        /// ECM_stream_id of the request.
        public var streamID: UInt16
        /// CP_number of the request.
        public var cpNumber: UInt16
        /// ECM_datagram: the ECM section (or its TS packets in packet mode).
        public var ecmDatagram: ByteBuffer

        /// An ECM_response.
        public init(channelID: UInt16, streamID: UInt16, cpNumber: UInt16, ecmDatagram: ByteBuffer) {
            self.channelID = channelID
            self.streamID = streamID
            self.cpNumber = cpNumber
            self.ecmDatagram = ecmDatagram
        }

        /// The answer to `provision`: its channel, stream and CP_number with `ecmDatagram`.
        public init(replyingTo provision: CWProvision, ecmDatagram: ByteBuffer) {
            self.init(
                channelID: provision.channelID, streamID: provision.streamID, cpNumber: provision.cpNumber,
                ecmDatagram: ecmDatagram)
        }
    }
}

extension ECMGMessage.ECMResponse {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
        cpNumber = try parameters.integer(.cpNumber)
        ecmDatagram = try parameters.take(.ecmDatagram, lengths: 0...Int.max)
    }

    func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
        buffer.writeECMGParameter(.cpNumber, cpNumber)
        try buffer.writeECMGParameter(.ecmDatagram, bytes: ecmDatagram)
    }
}
