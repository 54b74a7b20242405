import NIOCore

/// MPEG-2 transport stream packet constants for carrying sections.
public enum TransportStreamPacket {
    /// Bytes in one packet.
    public static let size = 188
    /// The sync byte every packet starts with.
    public static let syncByte: UInt8 = 0x47
    /// The null PID, which the MUX replaces with the real one.
    public static let nullPID: UInt16 = 0x1FFF
    /// Payload bytes in a packet without adaptation field.
    public static let payloadSize = 184
}

extension ByteBuffer {
    /// Writes `section` as 188-byte TS packets: the first with payload_unit_start_indicator 1 and
    /// pointer_field 0x00, the rest continuing it; payload only (no adaptation field), stuffed
    /// with 0xFF. Continuity counters start at `continuityCounter` and count up modulo 16.
    ///
    /// - Returns: the number of packets written (one for any section up to 183 bytes).
    @discardableResult
    public mutating func writeTransportStreamPackets(
        carrying section: ByteBuffer, pid: UInt16 = TransportStreamPacket.nullPID, continuityCounter: UInt8 = 0
    ) -> Int {
        var remaining = section
        var counter = continuityCounter & 0x0F
        var packets = 0
        repeat {
            let first = packets == 0
            writeInteger(TransportStreamPacket.syncByte)
            writeInteger(UInt16(first ? 0x4000 : 0x0000) | (pid & 0x1FFF))
            writeInteger(0x10 | counter)
            var space = TransportStreamPacket.payloadSize
            if first {
                writeInteger(UInt8(0))
                space -= 1
            }
            let chunk = remaining.readSlice(length: min(space, remaining.readableBytes))!
            writeImmutableBuffer(chunk)
            writeRepeatingByte(0xFF, count: space - chunk.readableBytes)
            counter = (counter + 1) & 0x0F
            packets += 1
        } while remaining.readableBytes > 0
        return packets
    }
}
