import NIOCore

/// The five bytes that open every SimulCrypt message: protocol_version, message_type and
/// message_length (ETSI TS 103 197 §4.4.1), all big-endian.
public struct SimulCryptMessageHeader: Hashable, Sendable {
    /// The header's size on the wire.
    public static let byteCount = 5

    /// protocol_version, e.g. 1–3 on ECMG⇔SCS and 1–5 on EMMG⇔MUX.
    public var protocolVersion: UInt8
    /// message_type, e.g. 0x0201 for CW_provision.
    public var messageType: UInt16
    /// message_length: the number of parameter bytes that follow the header.
    public var messageLength: UInt16

    /// A header with the given fields.
    public init(protocolVersion: UInt8, messageType: UInt16, messageLength: UInt16) {
        self.protocolVersion = protocolVersion
        self.messageType = messageType
        self.messageLength = messageLength
    }

    /// The header at the start of `buffer`'s readable bytes, without moving its reader index;
    /// `nil` while fewer than five bytes are there.
    public init?(peekingAt buffer: ByteBuffer) {
        guard buffer.readableBytes >= Self.byteCount,
            let version = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
            let type = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt16.self),
            let length = buffer.getInteger(at: buffer.readerIndex + 3, as: UInt16.self)
        else { return nil }
        self.init(protocolVersion: version, messageType: type, messageLength: length)
    }
}

extension ByteBuffer {
    /// Writes a SimulCrypt message header; returns the number of bytes written (five).
    @discardableResult
    public mutating func writeSimulCryptHeader(_ header: SimulCryptMessageHeader) -> Int {
        writeInteger(header.protocolVersion) + writeInteger(header.messageType) + writeInteger(header.messageLength)
    }
}
