import NIOCore

extension ECMGMessage {
    /// stream_setup (0x0101): the SCS opens an ECM stream on a channel.
    ///
    /// ECM_id is optional in every version: the standard makes it mandatory from version 2, but
    /// the original TVCAS3 answered setups without it on all versions (its reply vectors), and
    /// accepted it on version 1 too.
    public struct StreamSetup: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16
        /// ECM_stream_id, chosen by the SCS.
        public var streamID: UInt16
        /// ECM_id, when the SCS sent one.
        public var ecmID: UInt16?
        /// nominal_CP_duration in units of 100 ms.
        public var nominalCPDuration: UInt16

        /// A stream_setup.
        public init(channelID: UInt16, streamID: UInt16, ecmID: UInt16?, nominalCPDuration: UInt16) {
            self.channelID = channelID
            self.streamID = streamID
            self.ecmID = ecmID
            self.nominalCPDuration = nominalCPDuration
        }
    }
}

extension ECMGMessage.StreamSetup {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
        ecmID = try parameters.optionalInteger(.ecmID)
        nominalCPDuration = try parameters.integer(.nominalCPDuration)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
        if let ecmID { buffer.writeECMGParameter(.ecmID, ecmID) }
        buffer.writeECMGParameter(.nominalCPDuration, nominalCPDuration)
    }
}
