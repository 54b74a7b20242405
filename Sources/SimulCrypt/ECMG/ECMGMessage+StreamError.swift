import NIOCore

extension ECMGMessage {
    /// stream_error (0x0106): reports what went wrong on a stream, with one or more error_status values and
    /// optional error_information.
    public struct StreamError: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16
        /// ECM_stream_id.
        public var streamID: UInt16
        /// error_status values, at least one.
        public var errorStatuses: [ECMGErrorStatus]
        /// error_information values (free bytes, often text), possibly none.
        public var errorInformation: [ByteBuffer]

        /// A stream_error; `errorStatuses` must not be empty for the message to be valid.
        public init(channelID: UInt16, streamID: UInt16, errorStatuses: [ECMGErrorStatus], errorInformation: [ByteBuffer] = []) {
            self.channelID = channelID
            self.streamID = streamID
            self.errorStatuses = errorStatuses
            self.errorInformation = errorInformation
        }

        /// A stream_error with a single error_status.
        public init(channelID: UInt16, streamID: UInt16, errorStatus: ECMGErrorStatus, errorInformation: [ByteBuffer] = []) {
            self.init(channelID: channelID, streamID: streamID, errorStatuses: [errorStatus], errorInformation: errorInformation)
        }
    }
}

extension ECMGMessage.StreamError {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
        errorStatuses = try parameters.takeAll(.errorStatus, occurrences: 1...Int.max, lengths: 2...2) {
            ECMGErrorStatus(rawValue: $0.getInteger(at: $0.readerIndex)!)
        }
        errorInformation = try parameters.takeAll(.errorInformation, occurrences: 0...Int.max, lengths: 0...Int.max)
    }

    func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
        for status in errorStatuses { buffer.writeECMGParameter(.errorStatus, status.rawValue) }
        for information in errorInformation { try buffer.writeECMGParameter(.errorInformation, bytes: information) }
    }
}
