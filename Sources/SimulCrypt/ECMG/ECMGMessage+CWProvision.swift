import NIOCore

extension ECMGMessage {
    /// CW_provision (0x0201): the SCS hands over control words for one crypto period and asks
    /// for the ECM.
    ///
    /// Encoded as ECM_channel_id, ECM_stream_id, CP_number, CP_duration (when set),
    /// CW_encryption (when set), the CP_CW_combinations in order, access_criteria (when set).
    public struct CWProvision: Hashable, Sendable {
        /// ECM_channel_id.
        public var channelID: UInt16
        /// ECM_stream_id.
        public var streamID: UInt16
        /// CP_number of the crypto period the ECM is for.
        public var cpNumber: UInt16
        /// CP_duration in units of 100 ms, when sent.
        public var cpDuration: UInt16?
        /// CW_encryption, when sent (version 2 on; accepted on every version).
        public var cwEncryption: ByteBuffer?
        /// CP_CW_combination values in message order (current period first, as SCSes send them).
        public var cpCWCombinations: [CPCWCombination]
        /// access_criteria, when sent.
        public var accessCriteria: ByteBuffer?

        /// A CW_provision.
        public init(
            channelID: UInt16, streamID: UInt16, cpNumber: UInt16, cpDuration: UInt16? = nil,
            cwEncryption: ByteBuffer? = nil, cpCWCombinations: [CPCWCombination], accessCriteria: ByteBuffer? = nil
        ) {
            self.channelID = channelID
            self.streamID = streamID
            self.cpNumber = cpNumber
            self.cpDuration = cpDuration
            self.cwEncryption = cwEncryption
            self.cpCWCombinations = cpCWCombinations
            self.accessCriteria = accessCriteria
        }
    }

    /// CP_CW_combination: a crypto period number and its control word.
    public struct CPCWCombination: Hashable, Sendable {
        /// The crypto period.
        public var cpNumber: UInt16
        /// The control word: 8 bytes for DVB-CSA (the only length version 1 allows), 16 for CSA3.
        public var controlWord: ByteBuffer

        /// A combination.
        public init(cpNumber: UInt16, controlWord: ByteBuffer) {
            self.cpNumber = cpNumber
            self.controlWord = controlWord
        }
    }
}

extension ECMGMessage.CWProvision {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        streamID = try parameters.integer(.ecmStreamID)
        cpNumber = try parameters.integer(.cpNumber)
        cpDuration = try parameters.optionalInteger(.cpDuration)
        cwEncryption = try parameters.takeOptional(.cwEncryption, lengths: 0...Int.max)
        let lengths = parameters.protocolVersion == 1 ? 10...10 : 3...Int.max
        cpCWCombinations = try parameters.takeAll(.cpCWCombination, occurrences: 1...Int.max, lengths: lengths) { value in
            var value = value
            let cpNumber = value.readInteger(as: UInt16.self)!
            return ECMGMessage.CPCWCombination(cpNumber: cpNumber, controlWord: value)
        }
        accessCriteria = try parameters.takeOptional(.accessCriteria, lengths: 0...Int.max)
    }

    func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
        buffer.writeECMGParameter(.cpNumber, cpNumber)
        if let cpDuration { buffer.writeECMGParameter(.cpDuration, cpDuration) }
        if let cwEncryption { try buffer.writeECMGParameter(.cwEncryption, bytes: cwEncryption) }
        for combination in cpCWCombinations {
            let length = 2 + combination.controlWord.readableBytes
            guard let parameterLength = UInt16(exactly: length) else {
                throw .parameterTooLong(parameterType: ECMGParameterType.cpCWCombination.rawValue, length: length)
            }
            buffer.writeInteger(ECMGParameterType.cpCWCombination.rawValue)
            buffer.writeInteger(parameterLength)
            buffer.writeInteger(combination.cpNumber)
            buffer.writeImmutableBuffer(combination.controlWord)
        }
        if let accessCriteria { try buffer.writeECMGParameter(.accessCriteria, bytes: accessCriteria) }
    }
}
