import NIOCore
import SimulCrypt
import Testing

@Suite("ECM_response written in place")
struct ECMResponseInPlaceTests {
    @Test("gives the bytes the encoder gives, for every protocol version", arguments: [UInt8(1), 2, 3])
    func sameBytes(version: UInt8) throws {
        let datagram = (0..<55).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let pdu = SimulCryptPDU(
            protocolVersion: version,
            message: ECMGMessage.ecmResponse(
                .init(channelID: 0x0102, streamID: 0xFFFE, cpNumber: 0x8001, ecmDatagram: ByteBuffer(bytes: datagram))))
        var buffer = ByteBuffer(bytes: [0xAA])
        let written = ECMGMessage.ECMResponse.write(
            protocolVersion: version, channelID: 0x0102, streamID: 0xFFFE, cpNumber: 0x8001, datagramLength: 55, into: &buffer
        ) { space in
            space.copyBytes(from: datagram)
            return true
        }
        #expect(written)
        var expected = ByteBuffer(bytes: [0xAA])
        try pdu.encode(into: &expected)
        #expect(buffer == expected)
    }

    @Test("a datagram that could not be made leaves the buffer as it was")
    func failure() {
        var buffer = ByteBuffer(bytes: [1, 2, 3])
        let written = ECMGMessage.ECMResponse.write(
            protocolVersion: 3, channelID: 0, streamID: 0, cpNumber: 0, datagramLength: 55, into: &buffer
        ) { _ in false }
        #expect(!written)
        #expect(buffer == ByteBuffer(bytes: [1, 2, 3]))
    }

    @Test("a datagram too long for one message is refused")
    func tooLong() {
        var buffer = ByteBuffer()
        let written = ECMGMessage.ECMResponse.write(
            protocolVersion: 3, channelID: 0, streamID: 0, cpNumber: 0, datagramLength: 65_530, into: &buffer
        ) { _ in true }
        #expect(!written)
        #expect(buffer.readableBytes == 0)
    }
}
