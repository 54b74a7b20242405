import NIOCore

extension ECMGMessage {
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
        case .cwProvision(let m): try m.encode(into: &buffer)
        case .ecmResponse(let m): try m.encode(into: &buffer)
        }
    }
}

extension ByteBuffer {
    /// Writes an ECMG⇔SCS parameter holding a big-endian integer of the value's width.
    mutating func writeECMGParameter<Value: FixedWidthInteger>(_ type: ECMGParameterType, _ value: Value) {
        writeSimulCryptParameter(type, integer: value)
    }

    /// Writes an ECMG⇔SCS parameter holding raw bytes.
    mutating func writeECMGParameter(_ type: ECMGParameterType, bytes: ByteBuffer) throws(SimulCryptEncodingError) {
        try writeSimulCryptParameter(type, bytes: bytes)
    }
}
