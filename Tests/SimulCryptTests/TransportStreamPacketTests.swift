import NIOCore
import SimulCrypt
import Testing

@Suite("TS packets carrying a section")
struct TransportStreamPacketTests {
    @Test("a 55-byte ECM section fills one packet: header, pointer field, section, 0xFF stuffing")
    func oneSection() {
        let section = ByteBuffer(bytes: (0..<55).map { UInt8($0) })
        var out = ByteBuffer()
        #expect(out.writeTransportStreamPackets(carrying: section) == 1)
        #expect(out.readableBytes == 188)
        #expect(Array(out.readableBytesView.prefix(5)) == [0x47, 0x5F, 0xFF, 0x10, 0x00])
        #expect(Array(out.readableBytesView.dropFirst(5).prefix(55)) == Array(0..<55))
        #expect(out.readableBytesView.dropFirst(60).allSatisfy { $0 == 0xFF })
    }

    @Test("a long section continues in further packets with counting continuity counters")
    func longSection() {
        let section = ByteBuffer(repeating: 0xAB, count: 400)
        var out = ByteBuffer()
        #expect(out.writeTransportStreamPackets(carrying: section, pid: 0x0100, continuityCounter: 15) == 3)
        #expect(out.readableBytes == 3 * 188)
        let bytes = Array(out.readableBytesView)
        #expect(Array(bytes[0..<4]) == [0x47, 0x41, 0x00, 0x1F])
        #expect(Array(bytes[188..<192]) == [0x47, 0x01, 0x00, 0x10])
        #expect(Array(bytes[376..<380]) == [0x47, 0x01, 0x00, 0x11])
        #expect(bytes.filter { $0 == 0xAB }.count == 400)
    }
}
