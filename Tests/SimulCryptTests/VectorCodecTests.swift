import NIOCore
import SimulCrypt
import Testing

/// Every binding case of simulcrypt.json decodes from its bytes and encodes back to them.
@Suite("simulcrypt.json: decode and encode")
struct VectorCodecTests {
    @Test("the vector file holds the cases we expect")
    func vectorFileIsThere() {
        #expect(!SimulCryptVector.binding.isEmpty)
        // The public set: 139 cases, of which sc-195 to sc-198 record the original's lax codec.
        let edgeCases = SimulCryptVector.all.filter(\.isCodecEdgeCase).map(\.id)
        if SimulCryptVector.all.count == 139 {
            #expect(edgeCases == ["sc-195", "sc-196", "sc-197", "sc-198"])
            #expect(SimulCryptVector.binding.count == 135)
        }
    }

    @Test("request/message bytes decode and encode back", arguments: SimulCryptVector.binding)
    func messageRoundTrip(vector: SimulCryptVector) throws {
        try expectRoundTrip(vector.pdu, version: vector.protocolVersion, type: vector.messageType)
    }

    @Test("reply bytes decode and encode back", arguments: SimulCryptVector.binding.filter { $0.replyPDUHex != nil })
    func replyRoundTrip(vector: SimulCryptVector) throws {
        try expectRoundTrip(vector.reply!, version: vector.protocolVersion, type: vector.replyMessageType)
    }

    private func expectRoundTrip(_ bytes: ByteBuffer, version: Int?, type: Int?) throws {
        let header = try #require(SimulCryptMessageHeader(peekingAt: bytes))
        #expect(Int(header.protocolVersion) == version)
        #expect(Int(header.messageType) == type)
        switch SimulCryptInterface.of(messageType: header.messageType) {
        case .ecmgSCS:
            let pdu = try SimulCryptPDU<ECMGMessage>.decode(exactly: bytes)
            #expect(try pdu.encoded().hex == bytes.hex)
        case .emmgMUX:
            let pdu = try SimulCryptPDU<EMMGMessage>.decode(exactly: bytes)
            #expect(try pdu.encoded().hex == bytes.hex)
        case nil:
            Issue.record("message type \(header.messageType) belongs to no interface")
        }
    }
}
