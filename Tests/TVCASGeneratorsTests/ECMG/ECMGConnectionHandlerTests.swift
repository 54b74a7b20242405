import NIOCore
import NIOEmbedded
import SimulCrypt
import TVCASCore
import TVCASGenerators
import Testing

@Suite("ECMG connection handler on an embedded channel")
struct ECMGConnectionHandlerTests {
    typealias Support = ECMGTestSupport

    static let replyVectors = ECMGVector.all.filter { $0.replyPDUHex != nil }

    static func settings(_ vector: ECMGVector) throws -> ECMGRowSettings {
        let config = vector.ecmgConfig
        return ECMGRowSettings(
            id: 1, port: 0, packetMode: SectionTSpktFlag(rawValue: config.packetMode)!, delayStart: config.delayStart,
            delayStop: config.delayStop, transitionDelayStart: config.transitionDelayStart, transitionDelayStop: config.transitionDelayStop,
            acDelayStart: config.acDelayStart, acDelayStop: config.acDelayStop, repetitionPeriod: config.repetitionPeriod,
            minCPDuration: config.minCPDuration, maxComputeTime: config.maxComputeTime, key: try ECMKey(hex: config.key))
    }

    @Test("every reply vector: the ECMG answers the request with the original's bytes", arguments: replyVectors)
    func vectorReply(vector: ECMGVector) throws {
        let filler = ECMFiller(RecordedBytes(vector.ecmFillerHex.map { Array(ByteBuffer(hexText: $0).readableBytesView) } ?? []))
        let service = Support.service(try Self.settings(vector), time: vector.time, filler: filler)
        let channel = try Support.channel(service)
        defer { _ = try? channel.finish() }
        let request = try SimulCryptPDU<ECMGMessage>.decode(exactly: ByteBuffer(hexText: vector.pduHex))
        // Our ECMG answers only on an open channel and stream: set them up first.
        if request.message.messageType != .channelSetup {
            _ = try Support.exchange(
                channel, .channelSetup(.init(channelID: request.message.channelID, superCASID: 0x0B00_0000)), version: vector.protocolVersion)
        }
        switch request.message {
        case .streamTest(let test):
            _ = try Support.exchange(
                channel, .streamSetup(.init(channelID: test.channelID, streamID: test.streamID, ecmID: nil, nominalCPDuration: 100)))
        case .cwProvision(let provision):
            _ = try Support.exchange(
                channel, .streamSetup(.init(channelID: provision.channelID, streamID: provision.streamID, ecmID: nil, nominalCPDuration: 100)))
        default: break
        }
        try channel.writeInbound(ByteBuffer(hexText: vector.pduHex))
        var written = ByteBuffer()
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { written.writeImmutableBuffer(buffer) }
        let expected = try #require(vector.replyPDUHex)
        if request.message.messageType == .cwProvision, vector.ecmgConfig.packetMode == 1 {
            // decisions.md §2: the same ECM, but in its own 188-byte TS packet.
            let recorded = try SimulCryptPDU<ECMGMessage>.decode(exactly: ByteBuffer(hexText: expected))
            let reply = try SimulCryptPDU<ECMGMessage>.decode(exactly: written)
            guard case .ecmResponse(let want) = recorded.message, case .ecmResponse(let got) = reply.message else {
                Issue.record("not an ECM_response")
                return
            }
            let packet = Array(got.ecmDatagram.readableBytesView)
            #expect(packet.count == 188)
            #expect(Array(packet[0..<5]) == [0x47, 0x5F, 0xFF, 0x10, 0x00])
            #expect(Array(packet[5..<60]) == Array(want.ecmDatagram.readableBytesView))
            #expect(packet[60...].allSatisfy { $0 == 0xFF })
            #expect(got.cpNumber == want.cpNumber)
        } else {
            #expect(written.hexText == expected)
        }
    }

    @Test("requests the original left unanswered: stream_close_request → stream_close_response; channel_close closes")
    func closes() throws {
        let channel = try Support.channel(Support.service())
        _ = try Support.exchange(channel, .channelSetup(.init(channelID: 2, superCASID: 0x0B00_0010)), version: 1)
        _ = try Support.exchange(channel, .streamSetup(.init(channelID: 2, streamID: 100, ecmID: nil, nominalCPDuration: 100)), version: 1)
        let response = try Support.exchange(channel, .streamCloseRequest(.init(channelID: 2, streamID: 100)), version: 1)
        #expect(response == [Support.pdu(.streamCloseResponse(.init(channelID: 2, streamID: 100)), version: 1)])
        #expect(try Support.exchange(channel, .channelClose(.init(channelID: 2)), version: 1).isEmpty)
        #expect(!channel.isActive)
    }

    @Test("ECMs carry the CWs and access criteria sent, for odd and even CP numbers, in both packet modes")
    func ecms() throws {
        for mode in [SectionTSpktFlag.sections, .transportStreamPackets] {
            let cwLog = CWLogBuffer()
            let channel = try Support.channel(Support.service(Support.settings(packetMode: mode), cwLog: cwLog))
            _ = try Support.exchange(channel, .channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
            _ = try Support.exchange(channel, .streamSetup(.init(channelID: 0, streamID: 0, ecmID: 0, nominalCPDuration: 100)))
            for cp: UInt16 in [1, 2, 65535, 0] {
                let current = UInt64.random(in: 0...UInt64.max)
                let next = UInt64.random(in: 0...UInt64.max)
                let replies = try Support.exchange(channel, Support.provision(stream: 0, cp: cp, cws: [current, next], ac: 0x0000_0010))
                guard case .ecmResponse(let response)? = replies.first?.message else {
                    Issue.record("no ECM_response: \(replies)")
                    continue
                }
                var datagram = Array(response.ecmDatagram.readableBytesView)
                if mode == .transportStreamPackets {
                    #expect(datagram.count == 188)
                    datagram = Array(datagram[5..<60])
                }
                #expect(datagram.count == 55)
                #expect(datagram[0] == (cp & 1 == 1 ? 0x81 : 0x80))
                let (odd, even) = cp & 1 == 1 ? (current, next) : (next, current)
                let words = try #require(try Support.decode(ecm: datagram, accessCriteria: 0x0000_0010))
                #expect(words.odd == odd)
                #expect(words.even == even)
                #expect(try Support.decode(ecm: datagram, accessCriteria: 0xFFFF_FFEF) == nil)
                let decoded = try ECMDecoder(key: Support.key).decode(datagram)
                #expect(decoded.accessCriteria.rawValue == 0x10)
                #expect(decoded.time == 1_600_000_000)
            }
            let log = cwLog.drain()
            #expect(log.count == 4)
            #expect(log.allSatisfy { $0.accessCriteria.rawValue == 0x10 && $0.sock > 0 })
        }
    }

    @Test("garbage is answered with channel_error and the connection goes on")
    func garbage() throws {
        let channel = try Support.channel(Support.service())
        _ = try Support.exchange(channel, .channelSetup(.init(channelID: 9, superCASID: 0x0B00_0000)))
        // Unknown message type 0x0999, version 3, empty body.
        let unknown = try Support.exchange(channel, raw: ByteBuffer(bytes: [0x03, 0x09, 0x99, 0x00, 0x00]))
        guard case .channelError(let error)? = unknown.first?.message else {
            Issue.record("expected channel_error, got \(unknown)")
            return
        }
        #expect(error.channelID == 9)
        #expect(error.errorStatuses == [.unknownMessageType])
        // Unsupported protocol version 4.
        let version = try Support.exchange(channel, raw: ByteBuffer(bytes: [0x04, 0x00, 0x02, 0x00, 0x06, 0x00, 0x0E, 0x00, 0x02, 0x00, 0x09]))
        #expect(version.first?.protocolVersion == 3)
        if case .channelError(let error)? = version.first?.message { #expect(error.errorStatuses == [.unsupportedProtocolVersion]) }
        // Missing mandatory ECM_stream_id in a stream_setup.
        let missing = try Support.exchange(channel, raw: ByteBuffer(hexText: "0301010006000E00020009"))
        if case .channelError(let error)? = missing.first?.message {
            #expect(error.errorStatuses == [.missingMandatoryDVBParameter])
        } else {
            Issue.record("expected channel_error, got \(missing)")
        }
        #expect(try Support.exchange(channel, .channelTest(.init(channelID: 9))).first?.message.messageType == .channelStatus)
        // A header announcing more than the ECMG reads: message too long, then closed.
        let long = try Support.exchange(channel, raw: ByteBuffer(bytes: [0x03, 0x02, 0x01, 0xFF, 0xFF]))
        if case .channelError(let error)? = long.first?.message { #expect(error.errorStatuses == [.messageTooLong]) }
        #expect(!channel.isActive)
    }

    @Test("timeout: channel_test after the silence, then close when it goes unanswered")
    func timer() throws {
        let channel = try Support.channel(Support.service(Support.settings(timeout: 10)))
        _ = try Support.exchange(channel, .channelSetup(.init(channelID: 1, superCASID: 0x0B00_0000)), version: 2)
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(try Support.replies(channel).isEmpty)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(try Support.replies(channel) == [Support.pdu(.channelTest(.init(channelID: 1)), version: 2)])
        _ = try Support.exchange(channel, .channelStatus(Support.settings().channelStatus(channelID: 1)))
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(try Support.replies(channel).count == 1)
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test("a peer without a channel is dropped after the timeout")
    func idleWithoutChannel() throws {
        let channel = try Support.channel(Support.service(Support.settings(timeout: 3)))
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(!channel.isActive)
    }
}
