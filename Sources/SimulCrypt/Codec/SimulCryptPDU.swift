import NIOCore

/// A message with the protocol_version it travels under: what the SimulCrypt decoder produces
/// and the encoder consumes. A reply uses the version of the request it answers.
public struct SimulCryptPDU<Message: SimulCryptMessage>: Hashable, Sendable {
    /// protocol_version of the header.
    public var protocolVersion: UInt8
    /// The message.
    public var message: Message

    /// A message under `protocolVersion`.
    public init(protocolVersion: UInt8, message: Message) {
        self.protocolVersion = protocolVersion
        self.message = message
    }

    /// Writes header and parameters to `buffer`. On error `buffer` is left as it was.
    public func encode(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        let start = buffer.writerIndex
        buffer.writeSimulCryptHeader(
            SimulCryptMessageHeader(protocolVersion: protocolVersion, messageType: message.messageTypeCode, messageLength: 0))
        do {
            try message.encodeParameters(into: &buffer)
        } catch {
            buffer.moveWriterIndex(to: start)
            throw error
        }
        let length = buffer.writerIndex - start - SimulCryptMessageHeader.byteCount
        guard let messageLength = UInt16(exactly: length) else {
            buffer.moveWriterIndex(to: start)
            throw .messageTooLong(length: length)
        }
        buffer.setInteger(messageLength, at: start + 3)
    }

    /// The message's bytes in a new buffer.
    public func encoded(allocator: ByteBufferAllocator = ByteBufferAllocator()) throws(SimulCryptEncodingError) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 64)
        try encode(into: &buffer)
        return buffer
    }

    /// Decodes exactly one message from `bytes` (header and body, nothing more or less).
    public static func decode(exactly bytes: ByteBuffer) throws(SimulCryptDecodingError) -> Self {
        guard let header = SimulCryptMessageHeader(peekingAt: bytes) else {
            throw SimulCryptDecodingError(
                .inconsistentMessageLength(announced: SimulCryptMessageHeader.byteCount, available: bytes.readableBytes),
                interface: Message.interface)
        }
        let announced = SimulCryptMessageHeader.byteCount + Int(header.messageLength)
        guard announced == bytes.readableBytes else {
            throw SimulCryptDecodingError(
                .inconsistentMessageLength(announced: announced, available: bytes.readableBytes),
                interface: Message.interface, header: header)
        }
        let body = bytes.getSlice(at: bytes.readerIndex + SimulCryptMessageHeader.byteCount, length: Int(header.messageLength))!
        return Self(protocolVersion: header.protocolVersion, message: try Message.decode(header: header, body: body))
    }
}
