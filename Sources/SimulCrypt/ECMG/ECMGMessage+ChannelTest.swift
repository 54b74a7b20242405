import NIOCore

extension ECMGMessage {
    /// channel_test (0x0002): either side checks that the channel is alive; the answer is channel_status.
    public struct ChannelTest: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16

        /// A message for `channelID`.
        public init(channelID: UInt16) {
            self.channelID = channelID
        }
    }
}

extension ECMGMessage.ChannelTest {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
    }
}
