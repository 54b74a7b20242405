import NIOCore

extension ECMGMessage {
    /// stream_status (0x0103): the answer to stream_setup and stream_test.
    ///
    /// Encoded as the original's reply vectors: ECM_channel_id, ECM_stream_id, ECM_id (only
    /// when set), access_criteria_transfer_mode.
    public struct StreamStatus: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16
        /// ECM_stream_id.
        public var streamID: UInt16
        /// ECM_id, echoed when the request carried one.
        public var ecmID: UInt16?
        /// access_criteria_transfer_mode: `true` when the ECMG needs access_criteria in every
        /// CW_provision, `false` when only on change.
        public var accessCriteriaTransferMode: Bool

        /// A stream_status.
        public init(channelID: UInt16, streamID: UInt16, ecmID: UInt16?, accessCriteriaTransferMode: Bool) {
            self.channelID = channelID
            self.streamID = streamID
            self.ecmID = ecmID
            self.accessCriteriaTransferMode = accessCriteriaTransferMode
        }

        /// The answer to `setup`: its channel, stream and ECM_id.
        public init(replyingTo setup: StreamSetup, accessCriteriaTransferMode: Bool) {
            self.init(
                channelID: setup.channelID, streamID: setup.streamID, ecmID: setup.ecmID,
                accessCriteriaTransferMode: accessCriteriaTransferMode)
        }
    }
}

extension ECMGMessage.StreamStatus {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
        ecmID = try parameters.optionalInteger(.ecmID)
        accessCriteriaTransferMode = try parameters.byte(.accessCriteriaTransferMode, in: 0...1) == 1
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
        if let ecmID { buffer.writeECMGParameter(.ecmID, ecmID) }
        buffer.writeECMGParameter(.accessCriteriaTransferMode, UInt8(accessCriteriaTransferMode ? 1 : 0))
    }
}
