import NIOCore

/// Cuts SimulCrypt messages out of a byte stream and decodes them, without SwiftNIO channels
/// (``SimulCryptMessageDecoder`` wraps it for a pipeline; the fuzzer and benchmarks use it directly).
///
/// Never allocates for a message before all of it is there, and never more than the bytes
/// already received: parameter values are slices of the received buffer.
public struct SimulCryptFrameDecoder<Message: SimulCryptMessage>: Sendable {
    /// The largest message_length (parameter bytes after the header) accepted; a header
    /// announcing more makes ``decodeFrame(from:)`` throw ``SimulCryptDecodingError/Kind/messageTooLong(length:maximum:)``.
    public var maximumMessageLength: Int

    /// A decoder accepting messages up to `maximumMessageLength` parameter bytes (at most the
    /// 65,535 a header can announce).
    public init(maximumMessageLength: Int = Int(UInt16.max)) {
        self.maximumMessageLength = maximumMessageLength
    }

    /// Takes the next message off `buffer`.
    ///
    /// - Returns: `nil` when `buffer` does not yet hold a whole message (nothing is consumed);
    ///   `.success` with the message; or `.failure` for a message that is malformed but was
    ///   consumed whole, so the stream goes on with the next one (answer it with the error's
    ///   error_status).
    /// - Throws: ``SimulCryptDecodingError`` when the header announces more than
    ///   ``maximumMessageLength``: the stream cannot go on, close the connection.
    public func decodeFrame(
        from buffer: inout ByteBuffer
    ) throws(SimulCryptDecodingError) -> Result<SimulCryptPDU<Message>, SimulCryptDecodingError>? {
        guard let header = SimulCryptMessageHeader(peekingAt: buffer) else { return nil }
        let length = Int(header.messageLength)
        guard length <= maximumMessageLength else {
            throw SimulCryptDecodingError(
                .messageTooLong(length: length, maximum: maximumMessageLength), interface: Message.interface, header: header)
        }
        guard buffer.readableBytes >= SimulCryptMessageHeader.byteCount + length else { return nil }
        buffer.moveReaderIndex(forwardBy: SimulCryptMessageHeader.byteCount)
        let body = buffer.readSlice(length: length)!
        do {
            let message = try Message.decode(header: header, body: body)
            return .success(SimulCryptPDU(protocolVersion: header.protocolVersion, message: message))
        } catch {
            return .failure(error)
        }
    }
}
