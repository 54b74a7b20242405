import NIOCore

extension ECMGMessage {
    /// channel_error (0x0005): reports what went wrong on a channel, with one or more error_status values and
    /// optional error_information.
    public struct ChannelError: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16
        /// error_status values, at least one.
        public var errorStatuses: [ECMGErrorStatus]
        /// error_information values (free bytes, often text), possibly none.
        public var errorInformation: [ByteBuffer]

        /// A channel_error; `errorStatuses` must not be empty for the message to be valid.
        public init(channelID: UInt16, errorStatuses: [ECMGErrorStatus], errorInformation: [ByteBuffer] = []) {
            self.channelID = channelID
            self.errorStatuses = errorStatuses
            self.errorInformation = errorInformation
        }

        /// A channel_error with a single error_status.
        public init(channelID: UInt16, errorStatus: ECMGErrorStatus, errorInformation: [ByteBuffer] = []) {
            self.init(channelID: channelID, errorStatuses: [errorStatus], errorInformation: errorInformation)
        }
    }
}

extension ECMGMessage.ChannelError {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        errorStatuses = try parameters.takeAll(.errorStatus, occurrences: 1...Int.max, lengths: 2...2) {
            ECMGErrorStatus(rawValue: $0.getInteger(at: $0.readerIndex)!)
        }
        errorInformation = try parameters.takeAll(.errorInformation, occurrences: 0...Int.max, lengths: 0...Int.max)
    }

    func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        for status in errorStatuses { buffer.writeECMGParameter(.errorStatus, status.rawValue) }
        for information in errorInformation { try buffer.writeECMGParameter(.errorInformation, bytes: information) }
    }
}
