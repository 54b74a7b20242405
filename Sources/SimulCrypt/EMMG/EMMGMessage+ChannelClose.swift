import NIOCore

extension EMMGMessage {
    /// channel_close (0x0014): either side ends the channel.
    public struct ChannelClose: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16

        /// A channel_close.
        public init(clientID: UInt32, channelID: UInt16) {
            self.clientID = clientID
            self.channelID = channelID
        }
    }
}

extension EMMGMessage.ChannelClose {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
    }
}
