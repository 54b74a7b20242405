import NIOCore

/// A SwiftNIO `MessageToByteEncoder` writing SimulCrypt messages of one interface.
public struct SimulCryptMessageEncoder<Message: SimulCryptMessage>: MessageToByteEncoder {
    public typealias OutboundIn = SimulCryptPDU<Message>

    /// An encoder.
    public init() {}

    public func encode(data: SimulCryptPDU<Message>, out: inout ByteBuffer) throws {
        try data.encode(into: &out)
    }
}
