import NIOCore

/// A SwiftNIO `ByteToMessageDecoder` turning bytes into SimulCrypt messages of one interface.
///
/// Each message is passed on as a `Result`: `.success` for a good message, `.failure` for a
/// malformed one that was consumed whole (answer it with channel_error/stream_error and go on).
/// A header announcing more than the maximum message length is an error thrown through the
/// pipeline (`errorCaught`); the connection cannot be resynchronised and should be closed.
public struct SimulCryptMessageDecoder<Message: SimulCryptMessage>: ByteToMessageDecoder {
    public typealias InboundOut = Result<SimulCryptPDU<Message>, SimulCryptDecodingError>

    /// The framing and decoding rules.
    public var frameDecoder: SimulCryptFrameDecoder<Message>

    /// A decoder accepting messages up to `maximumMessageLength` parameter bytes.
    public init(maximumMessageLength: Int = Int(UInt16.max)) {
        frameDecoder = SimulCryptFrameDecoder(maximumMessageLength: maximumMessageLength)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let result = try frameDecoder.decodeFrame(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(result))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
