import NIOCore

extension EMMGMessage {
    /// channel_error (0x0015): reports what went wrong on a channel.
    public struct ChannelError: Hashable, Sendable {
        /// client_id of the EMMG.
        public var clientID: UInt32
        /// data_channel_id.
        public var channelID: UInt16
        /// error_status values, at least one.
        public var errorStatuses: [EMMGErrorStatus]
        /// error_information values (free bytes, often text), possibly none.
        public var errorInformation: [ByteBuffer]

        /// A channel_error.
        public init(clientID: UInt32, channelID: UInt16, errorStatuses: [EMMGErrorStatus], errorInformation: [ByteBuffer] = []) {
            self.clientID = clientID
            self.channelID = channelID
            self.errorStatuses = errorStatuses
            self.errorInformation = errorInformation
        }

        /// A channel_error with a single error_status.
        public init(clientID: UInt32, channelID: UInt16, errorStatus: EMMGErrorStatus, errorInformation: [ByteBuffer] = []) {
            self.init(clientID: clientID, channelID: channelID, errorStatuses: [errorStatus], errorInformation: errorInformation)
        }
    }
}

extension EMMGMessage.ChannelError {
    init(parameters: inout ParameterList<EMMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        clientID = try parameters.integer(.clientID)
        channelID = try parameters.integer(.dataChannelID)
        errorStatuses = try parameters.takeAll(.errorStatus, occurrences: 1...Int.max, lengths: 2...2) {
            EMMGErrorStatus(rawValue: $0.getInteger(at: $0.readerIndex)!)
        }
        errorInformation = try parameters.takeAll(.errorInformation, occurrences: 0...Int.max, lengths: 0...Int.max)
    }

    func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        buffer.writeEMMGParameter(.clientID, clientID)
        buffer.writeEMMGParameter(.dataChannelID, channelID)
        for status in errorStatuses { buffer.writeEMMGParameter(.errorStatus, status.rawValue) }
        for information in errorInformation { try buffer.writeEMMGParameter(.errorInformation, bytes: information) }
    }
}
