import NIOCore
import SimulCrypt
import Testing

/// The framing rules of SimulCryptFrameDecoder, without a channel.
@Suite("SimulCryptFrameDecoder")
struct FrameDecoderTests {
    @Test("a header announcing a long body waits for it without consuming anything")
    func waitsForBody() throws {
        let decoder = SimulCryptFrameDecoder<EMMGMessage>()
        var buffer = ByteBuffer(hex: "020211FFFF000100040B000001")
        #expect(try decoder.decodeFrame(from: &buffer) == nil)
        #expect(buffer.readerIndex == 0)
        #expect(buffer.readableBytes == 13)
    }

    @Test("fewer than five bytes wait for the header")
    func waitsForHeader() throws {
        let decoder = SimulCryptFrameDecoder<ECMGMessage>()
        for prefix in ["", "03", "0300", "030002", "03000200"] {
            var buffer = ByteBuffer(hex: prefix)
            #expect(try decoder.decodeFrame(from: &buffer) == nil)
        }
    }

    @Test("the maximum applies to message_length; longer is thrown and names the message type")
    func maximum() throws {
        let decoder = SimulCryptFrameDecoder<EMMGMessage>(maximumMessageLength: 100)
        var buffer = ByteBuffer(hex: "0202110065")
        let error = #expect(throws: SimulCryptDecodingError.self) { try decoder.decodeFrame(from: &buffer) }
        #expect(error?.kind == .messageTooLong(length: 101, maximum: 100))
        #expect(error?.header?.messageType == 0x0211)
        #expect(error?.emmgErrorStatus == .messageTooLong)
    }

    @Test("an empty message of a known type is missing its mandatory parameters")
    func emptyMessage() throws {
        let decoder = SimulCryptFrameDecoder<ECMGMessage>()
        var buffer = ByteBuffer(hex: "0300020000")
        let result = try #require(try decoder.decodeFrame(from: &buffer))
        #expect(throws: SimulCryptDecodingError.self) { try result.get() }
        #expect(buffer.readableBytes == 0)
    }

    @Test("the message accessors name channel and client")
    func accessors() throws {
        let cw = ECMGMessage.cwProvision(
            .init(channelID: 7, streamID: 8, cpNumber: 9, cpCWCombinations: [.init(cpNumber: 9, controlWord: ByteBuffer(repeating: 1, count: 8))]))
        #expect(cw.channelID == 7)
        #expect(cw.messageType == .cwProvision)
        #expect(cw.messageType.description == "0x0201 CW_provision")
        let data = EMMGMessage.dataProvision(.init(clientID: 0x0B00_0001, datagrams: [ByteBuffer()]))
        #expect(data.clientID == 0x0B00_0001)
        #expect(data.messageTypeCode == 0x0211)
        #expect(ECMGErrorStatus.unknownECMStreamID.description == "0x0007 (unknown ECM_stream_id value)")
        #expect(EMMGErrorStatus(rawValue: 0x0005).name == "unknown data_stream_id value")
        #expect(SimulCryptInterface.of(messageType: 0x0211) == .emmgMUX)
        #expect(SimulCryptInterface.of(messageType: 0x0202) == .ecmgSCS)
        #expect(SimulCryptInterface.of(messageType: 0x0300) == nil)
    }

    @Test("encoding refuses values and messages longer than their length fields")
    func encodingLimits() throws {
        let huge = ByteBuffer(repeating: 0, count: 70_000)
        let response = SimulCryptPDU<ECMGMessage>(
            protocolVersion: 3, message: .ecmResponse(.init(channelID: 1, streamID: 2, cpNumber: 3, ecmDatagram: huge)))
        var buffer = ByteBuffer(hex: "AA")
        #expect(throws: SimulCryptEncodingError.parameterTooLong(parameterType: 0x0015, length: 70_000)) {
            try response.encode(into: &buffer)
        }
        #expect(buffer.hex == "AA")
        let many = SimulCryptPDU<EMMGMessage>(
            protocolVersion: 3,
            message: .dataProvision(.init(clientID: 1, dataID: 1, datagrams: Array(repeating: ByteBuffer(repeating: 0, count: 40_000), count: 2))))
        #expect(throws: SimulCryptEncodingError.messageTooLong(length: 80_022)) { try many.encode(into: &buffer) }
        #expect(buffer.hex == "AA")
    }
}
