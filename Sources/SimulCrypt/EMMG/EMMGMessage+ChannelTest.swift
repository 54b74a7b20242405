import NIOCore

extension EMMGMessage {
    /// channel_test (0x0012): either side checks that the channel is alive; the answer is channel_status.
    public struct ChannelTest: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16

        /// A channel_test.
        public init(clientID: UInt32, channelID: UInt16) {
            self.clientID = clientID
            self.channelID = channelID
        }
    }
}

extension EMMGMessage.ChannelTest {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
    }
}
