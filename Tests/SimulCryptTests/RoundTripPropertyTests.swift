import NIOCore
import SimulCrypt
import Testing

/// Random valid messages encode and decode back to themselves (seeded, so failures replay).
@Suite("round trip of random messages")
struct RoundTripPropertyTests {
    @Test("ECMG⇔SCS messages", arguments: [1, 2, 3, 20_251_125] as [UInt64])
    func ecmgRoundTrip(seed: UInt64) throws {
        var random = RandomMessages(seed: seed)
        for _ in 0..<2_000 {
            let pdu = random.ecmg()
            let bytes = try pdu.encoded()
            let decoded = try SimulCryptPDU<ECMGMessage>.decode(exactly: bytes)
            #expect(decoded == pdu)
            if decoded != pdu { return }
        }
    }

    @Test("EMMG⇔MUX messages", arguments: [1, 2, 3, 20_251_125] as [UInt64])
    func emmgRoundTrip(seed: UInt64) throws {
        var random = RandomMessages(seed: seed)
        for _ in 0..<2_000 {
            let pdu = random.emmg()
            let bytes = try pdu.encoded()
            let decoded = try SimulCryptPDU<EMMGMessage>.decode(exactly: bytes)
            #expect(decoded == pdu)
            if decoded != pdu { return }
        }
    }

    @Test("a stream of random messages cut at random places decodes to the same messages")
    func streamOfMessages() throws {
        var random = RandomMessages(seed: 42)
        let messages = (0..<300).map { _ in random.ecmg() }
        var stream = ByteBuffer()
        for message in messages { try message.encode(into: &stream) }
        let decoder = SimulCryptFrameDecoder<ECMGMessage>()
        var pending = ByteBuffer()
        var decoded: [SimulCryptPDU<ECMGMessage>] = []
        while stream.readableBytes > 0 {
            var chunk = stream.readSlice(length: min(stream.readableBytes, Int.random(in: 1...97, using: &random.generator)))!
            pending.writeBuffer(&chunk)
            while let result = try decoder.decodeFrame(from: &pending) { decoded.append(try result.get()) }
        }
        #expect(decoded == messages)
        #expect(pending.readableBytes == 0)
    }
}
