import NIOCore
import NIOEmbedded
import SimulCrypt
import Testing

/// The SwiftNIO decoder/encoder pair in a pipeline, fed the way TCP delivers bytes.
@Suite("SimulCryptMessageDecoder and SimulCryptMessageEncoder in a channel")
struct MessageCodecChannelTests {
    typealias Inbound = Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError>

    /// Every binding ECMG⇔SCS message of the vectors, in file order.
    static let ecmgMessages: [ByteBuffer] = SimulCryptVector.binding.flatMap { vector in
        [vector.pdu] + (vector.reply.map { [$0] } ?? [])
    }.filter { SimulCryptInterface.of(messageType: SimulCryptMessageHeader(peekingAt: $0)!.messageType) == .ecmgSCS }

    private func makeChannel(maximumMessageLength: Int = 65535) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(SimulCryptMessageDecoder<ECMGMessage>(maximumMessageLength: maximumMessageLength)),
            MessageToByteHandler(SimulCryptMessageEncoder<ECMGMessage>()),
        ])
        return channel
    }

    private func readAll(_ channel: EmbeddedChannel) throws -> [Inbound] {
        var results: [Inbound] = []
        while let result = try channel.readInbound(as: Inbound.self) { results.append(result) }
        return results
    }

    private func expectAllDecoded(_ results: [Inbound]) throws {
        #expect(results.count == Self.ecmgMessages.count)
        for (result, bytes) in zip(results, Self.ecmgMessages) {
            #expect(try result.get() == SimulCryptPDU<ECMGMessage>.decode(exactly: bytes))
        }
    }

    @Test("coalesced: all messages in one read")
    func coalesced() throws {
        let channel = try makeChannel()
        var all = ByteBuffer()
        for var message in Self.ecmgMessages { all.writeBuffer(&message) }
        try channel.writeInbound(all)
        try expectAllDecoded(try readAll(channel))
        #expect(try channel.finish().isClean)
    }

    @Test("EMMG⇔MUX: every vector message coalesced in one read, then one byte at a time")
    func emmgMessages() throws {
        typealias EMMGInbound = Result<SimulCryptPDU<EMMGMessage>, SimulCryptDecodingError>
        let messages = SimulCryptVector.binding.flatMap { vector in [vector.pdu] + (vector.reply.map { [$0] } ?? []) }
            .filter { SimulCryptInterface.of(messageType: SimulCryptMessageHeader(peekingAt: $0)!.messageType) == .emmgMUX }
        #expect(!messages.isEmpty)
        var all = ByteBuffer()
        for var message in messages { all.writeBuffer(&message) }
        for chunkSize in [all.readableBytes, 1] {
            let channel = EmbeddedChannel()
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SimulCryptMessageDecoder<EMMGMessage>()))
            var input = all
            while let chunk = input.readSlice(length: min(chunkSize, input.readableBytes)), chunk.readableBytes > 0 {
                try channel.writeInbound(chunk)
            }
            var decoded: [SimulCryptPDU<EMMGMessage>] = []
            while let result = try channel.readInbound(as: EMMGInbound.self) { decoded.append(try result.get()) }
            #expect(decoded == (try messages.map { try SimulCryptPDU<EMMGMessage>.decode(exactly: $0) }))
            #expect(try channel.finish().isClean)
        }
    }

    @Test("one byte at a time")
    func oneByteAtATime() throws {
        let channel = try makeChannel()
        for message in Self.ecmgMessages {
            for byte in message.readableBytesView { try channel.writeInbound(ByteBuffer(bytes: [byte])) }
        }
        try expectAllDecoded(try readAll(channel))
        #expect(try channel.finish().isClean)
    }

    @Test("split at every position of a pair of messages")
    func splitEverywhere() throws {
        var pair = Self.ecmgMessages[0]
        var second = Self.ecmgMessages[7]
        pair.writeBuffer(&second)
        for cut in 0...pair.readableBytes {
            let channel = try makeChannel()
            try channel.writeInbound(pair.getSlice(at: 0, length: cut)!)
            try channel.writeInbound(pair.getSlice(at: cut, length: pair.readableBytes - cut)!)
            let results = try readAll(channel)
            #expect(results.count == 2)
            #expect(try channel.finish().isClean)
        }
    }

    @Test("a malformed message is reported and the next one still decodes")
    func malformedThenGood() throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(hex: "0200990000" + "0400020006000E00020003" + "0300020006000E00020004"))
        let results = try readAll(channel)
        #expect(results.count == 3)
        guard results.count == 3 else { return }
        #expect(throws: SimulCryptDecodingError.self) { try results[0].get() }
        #expect(throws: SimulCryptDecodingError.self) { try results[1].get() }
        #expect(try results[2].get() == SimulCryptPDU(protocolVersion: 3, message: .channelTest(.init(channelID: 4))))
        #expect(try channel.finish().isClean)
    }

    @Test("a length above the maximum is thrown at once, before the body arrives")
    func oversizeLength() throws {
        let channel = try makeChannel(maximumMessageLength: 1024)
        let error = #expect(throws: SimulCryptDecodingError.self) {
            try channel.writeInbound(ByteBuffer(hex: "030201FFFF000E"))
        }
        #expect(error?.kind == .messageTooLong(length: 0xFFFF, maximum: 1024))
        #expect(error?.ecmgErrorStatus == .messageTooLong)
        #expect(error?.isRecoverable == false)
        _ = try? channel.finish()
    }

    @Test("a message at the maximum length is read")
    func atMaximum() throws {
        let channel = try makeChannel(maximumMessageLength: 6)
        try channel.writeInbound(ByteBuffer(hex: "0300020006000E00020004"))
        #expect(try readAll(channel).count == 1)
        #expect(try channel.finish().isClean)
    }

    @Test("an incomplete message at the end of the stream is left over, not decoded")
    func leftoverAtEOF() throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(hex: "0300020006000E"))
        #expect(try readAll(channel).isEmpty)
        _ = try? channel.finish()
        #expect(try readAll(channel).isEmpty)
    }

    @Test("the encoder writes the replies byte-exact")
    func encoder() throws {
        let channel = try makeChannel()
        let status = SimulCryptPDU<ECMGMessage>(
            protocolVersion: 3,
            message: .streamStatus(.init(channelID: 4, streamID: 0x65, ecmID: nil, accessCriteriaTransferMode: true)))
        try channel.writeOutbound(status)
        let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(written.hex == "0301030011000E00020004000F000200650011000101")
        #expect(try channel.finish().isClean)
    }
}
