import NIOCore

extension ByteBuffer {
    /// Writes one parameter holding a big-endian integer of the integer type's width.
    mutating func writeSimulCryptParameter<Value: FixedWidthInteger>(_ type: some SimulCryptParameterType, integer: Value) {
        writeInteger(type.rawValue)
        writeInteger(UInt16(MemoryLayout<Value>.size))
        writeInteger(integer)
    }

    /// Writes one parameter holding raw bytes.
    mutating func writeSimulCryptParameter(
        _ type: some SimulCryptParameterType, bytes: ByteBuffer
    ) throws(SimulCryptEncodingError) {
        guard let length = UInt16(exactly: bytes.readableBytes) else {
            throw .parameterTooLong(parameterType: type.rawValue, length: bytes.readableBytes)
        }
        writeInteger(type.rawValue)
        writeInteger(length)
        writeImmutableBuffer(bytes)
    }
}
