import NIOCore

extension EMMGMessage {
    /// channel_status (0x0013): the answer to channel_setup and channel_test.
    public struct ChannelStatus: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16
        /// section_TSpkt_flag: sections or TS packets (IP datagrams from version 5).
        public var sectionTSpktFlag: SectionTSpktFlag

        /// A channel_status.
        public init(clientID: UInt32, channelID: UInt16, sectionTSpktFlag: SectionTSpktFlag) {
            self.clientID = clientID
            self.channelID = channelID
            self.sectionTSpktFlag = sectionTSpktFlag
        }
    }
}

extension EMMGMessage.ChannelStatus {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
        sectionTSpktFlag = try parameters.sectionTSpktFlag(
            .sectionTSpktFlag, maximum: parameters.protocolVersion >= 5 ? .ipDatagrams : .transportStreamPackets)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
        buffer.writeEMMGParameter(.sectionTSpktFlag, sectionTSpktFlag.rawValue)
    }
}
