import NIOCore

extension ECMGMessage {
    /// stream_test (0x0102): either side checks that the stream is alive; the answer is stream_status.
    public struct StreamTest: Hashable, Sendable {
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

extension ECMGMessage.StreamTest {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
    }
}
