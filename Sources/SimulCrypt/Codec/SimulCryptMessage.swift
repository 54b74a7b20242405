import NIOCore

/// The messages of one SimulCrypt interface: ``ECMGMessage`` or ``EMMGMessage``.
public protocol SimulCryptMessage: Hashable, Sendable {
    /// The interface whose messages these are.
    static var interface: SimulCryptInterface { get }

    /// The message_type code of this message.
    var messageTypeCode: UInt16 { get }

    /// Decodes one message from its header and its body (exactly message_length bytes).
    ///
    /// Checks, in this order: protocol version, message type, the body's split into
    /// parameters, unknown parameter types, then the message's own parameters (count, length,
    /// value) and parameters it does not carry.
    static func decode(header: SimulCryptMessageHeader, body: ByteBuffer) throws(SimulCryptDecodingError) -> Self

    /// Writes the message's parameters (not the header) in the order the standard lists them,
    /// which is also the order the original TVCAS3 wrote them in.
    func encodeParameters(into buffer: inout ByteBuffer) throws(SimulCryptEncodingError)
}
