import NIOCore

/// Framing for ECMG⇔SCS messages as plain functions of concrete types, for a hot path that
/// reads and writes bytes itself (the ECMG's connection handler).
///
/// ``SimulCryptFrameDecoder`` and ``SimulCryptPDU/encode(into:)`` are generic; called from
/// another module they run unspecialised, looking up generic metadata on every message. These
/// entry points are compiled here, specialised for ``ECMGMessage``.
extension ECMGMessage {
    /// Takes the next ECMG⇔SCS message off `buffer`; see
    /// ``SimulCryptFrameDecoder/decodeFrame(from:)`` for what each outcome means.
    ///
    /// - Throws: ``SimulCryptDecodingError`` when the header announces more than
    ///   `maximumMessageLength` parameter bytes: the stream cannot go on.
    public static func decodeFrame(
        from buffer: inout ByteBuffer, maximumMessageLength: Int
    ) throws(SimulCryptDecodingError) -> Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError>? {
        try SimulCryptFrameDecoder<ECMGMessage>(maximumMessageLength: maximumMessageLength).decodeFrame(from: &buffer)
    }

    /// Appends `pdu`'s header and parameters to `buffer`; on error `buffer` is left as it was.
    public static func encode(_ pdu: SimulCryptPDU<ECMGMessage>, into buffer: inout ByteBuffer) throws(SimulCryptEncodingError) {
        try pdu.encode(into: &buffer)
    }
}
