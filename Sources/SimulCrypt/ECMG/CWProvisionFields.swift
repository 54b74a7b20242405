import NIOCore

/// A CW_provision in the shape SCSes send it, read straight from the bytes: the ECMG's fast path,
/// which makes no ``ECMGMessage`` and no arrays for the message it answers most.
///
/// The shape: protocol version 1–3; ECM_channel_id, ECM_stream_id, CP_number, an optional
/// CP_duration, two CP_CW_combinations with 8-byte control words, and an optional 4-byte
/// access_criteria, in that order and nothing else. Every message of that shape is one the full
/// decoder (``ECMGMessage/decode(header:body:)``) accepts as the same CW_provision; any other
/// message, well formed or not, is left to it.
public struct CWProvisionFields: Hashable, Sendable {
    /// protocol_version of the header.
    public var protocolVersion: UInt8
    /// ECM_channel_id.
    public var channelID: UInt16
    /// ECM_stream_id.
    public var streamID: UInt16
    /// CP_number.
    public var cpNumber: UInt16
    /// The first CP_CW_combination in message order.
    public var firstCombination: Combination
    /// The second CP_CW_combination in message order.
    public var secondCombination: Combination
    /// access_criteria, when sent.
    public var accessCriteria: UInt32?
    /// Bytes of the whole message, header included.
    public var messageLength: Int

    /// A crypto period and its 8-byte control word.
    public struct Combination: Hashable, Sendable {
        /// The crypto period.
        public var cpNumber: UInt16
        /// The control word, big-endian.
        public var controlWord: UInt64
    }

    /// Reads the message at `buffer`'s reader index when all of it is there and it has the shape
    /// above; `nil` otherwise. Consumes nothing.
    public init?(peekingAt buffer: ByteBuffer, maximumMessageLength: Int) {
        guard let header = SimulCryptMessageHeader(peekingAt: buffer),
            header.messageType == ECMGMessageType.cwProvision.rawValue,
            SimulCryptInterface.ecmgSCS.supportedProtocolVersions.contains(header.protocolVersion),
            Int(header.messageLength) <= maximumMessageLength,
            buffer.readableBytes >= SimulCryptMessageHeader.byteCount + Int(header.messageLength)
        else { return nil }
        var reader = Reader(buffer: buffer, offset: buffer.readerIndex + SimulCryptMessageHeader.byteCount)
        let end = reader.offset + Int(header.messageLength)
        guard let channelID = reader.parameter(.ecmChannelID, as: UInt16.self),
            let streamID = reader.parameter(.ecmStreamID, as: UInt16.self),
            let cpNumber = reader.parameter(.cpNumber, as: UInt16.self)
        else { return nil }
        if reader.nextType == ECMGParameterType.cpDuration.rawValue {
            guard reader.parameter(.cpDuration, as: UInt16.self) != nil else { return nil }
        }
        guard let first = reader.combination(), let second = reader.combination() else { return nil }
        var accessCriteria: UInt32?
        if reader.offset < end {
            guard let value = reader.parameter(.accessCriteria, as: UInt32.self) else { return nil }
            accessCriteria = value
        }
        guard reader.offset == end else { return nil }
        protocolVersion = header.protocolVersion
        self.channelID = channelID
        self.streamID = streamID
        self.cpNumber = cpNumber
        firstCombination = first
        secondCombination = second
        self.accessCriteria = accessCriteria
        messageLength = SimulCryptMessageHeader.byteCount + Int(header.messageLength)
    }

    /// Walks the parameters of the body, each of exactly the expected type and length.
    private struct Reader {
        let buffer: ByteBuffer
        var offset: Int

        var nextType: UInt16? { buffer.getInteger(at: offset, as: UInt16.self) }

        mutating func parameter<Value: FixedWidthInteger>(_ type: ECMGParameterType, as: Value.Type) -> Value? {
            guard buffer.getInteger(at: offset, as: UInt16.self) == type.rawValue,
                buffer.getInteger(at: offset + 2, as: UInt16.self) == UInt16(MemoryLayout<Value>.size),
                let value = buffer.getInteger(at: offset + 4, as: Value.self)
            else { return nil }
            offset += 4 + MemoryLayout<Value>.size
            return value
        }

        mutating func combination() -> Combination? {
            guard buffer.getInteger(at: offset, as: UInt16.self) == ECMGParameterType.cpCWCombination.rawValue,
                buffer.getInteger(at: offset + 2, as: UInt16.self) == 10,
                let cpNumber = buffer.getInteger(at: offset + 4, as: UInt16.self),
                let controlWord = buffer.getInteger(at: offset + 6, as: UInt64.self)
            else { return nil }
            offset += 14
            return Combination(cpNumber: cpNumber, controlWord: controlWord)
        }
    }
}
