import NIOCore

extension EMMGMessage {
    public func encodeParameters(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        switch self {
        case .channelSetup(let m): m.encode(into: &buffer)
        case .channelTest(let m): m.encode(into: &buffer)
        case .channelStatus(let m): m.encode(into: &buffer)
        case .channelClose(let m): m.encode(into: &buffer)
        case .channelError(let m): try m.encode(into: &buffer)
        case .streamSetup(let m): m.encode(into: &buffer)
        case .streamTest(let m): m.encode(into: &buffer)
        case .streamStatus(let m): m.encode(into: &buffer)
        case .streamCloseRequest(let m): m.encode(into: &buffer)
        case .streamCloseResponse(let m): m.encode(into: &buffer)
        case .streamError(let m): try m.encode(into: &buffer)
        case .streamBWRequest(let m): m.encode(into: &buffer)
        case .streamBWAllocation(let m): m.encode(into: &buffer)
        case .dataProvision(let m): try m.encode(into: &buffer)
        }
    }
}

extension ByteBuffer {
    /// Writes an EMMG⇔MUX parameter holding a big-endian integer of the value's width.
    mutating func writeEMMGParameter<Value: FixedWidthInteger>(_ type: EMMGParameterType, _ value: Value) {
        writeSimulCryptParameter(type, integer: value)
    }

    /// Writes an EMMG⇔MUX parameter holding raw bytes.
    mutating func writeEMMGParameter(_ type: EMMGParameterType, bytes: ByteBuffer) throws(SimulCryptEncodingError) {
        try writeSimulCryptParameter(type, bytes: bytes)
    }
}
