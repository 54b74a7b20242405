import NIOCore

extension ECMGMessage {
    /// channel_setup (0x0001): the SCS opens an ECM channel on the connection.
    public struct ChannelSetup: Hashable, Sendable {
        /// ECM_channel_id, chosen by the SCS (0 included).
        public var channelID: UInt16
        /// super_CAS_id: CA_system_id in the upper 16 bits, CA_subsystem_id in the lower.
        public var superCASID: UInt32

        /// A channel_setup.
        public init(channelID: UInt16, superCASID: UInt32) {
            self.channelID = channelID
            self.superCASID = superCASID
        }
    }
}

extension ECMGMessage.ChannelSetup {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        superCASID = try parameters.integer(.superCASID)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.superCASID, superCASID)
    }
}
