import NIOCore

extension ECMGMessage {
    /// channel_close (0x0004): the SCS ends the channel; no answer is sent.
    public struct ChannelClose: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16

        /// A message for `channelID`.
        public init(channelID: UInt16) {
            self.channelID = channelID
        }
    }
}

extension ECMGMessage.ChannelClose {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
    }
}
