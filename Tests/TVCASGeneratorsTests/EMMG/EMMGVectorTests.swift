import Foundation
import NIOCore
import SimulCrypt
import TVCASCore
import TVCASDatabase
import TVCASGenerators
import TVCASTesting
import Testing

/// One SimulCrypt vector, with the fields these tests read.
struct EMMGVector: Decodable, Sendable, CustomTestStringConvertible {
    struct Config: Decodable, Sendable {
        var client_id: UInt32
        var packet_mode: UInt8
        var bandwidth: UInt16
        var protocol_version: UInt8
    }
    var id: String
    var direction: String?
    var description: String
    var protocol_version: UInt8
    var message_type: UInt16?
    var pdu_hex: String?
    var emmg_config: Config?
    var reply_pdu_hex: String?

    var testDescription: String { "\(id) \(description.prefix(40))" }

    var settings: EMMGSettingsRow {
        let config = emmg_config!
        return EMMGSettingsRow(
            row: EMMGRow(
                protocolVersion: config.protocol_version, packetMode: config.packet_mode, bandwidth: config.bandwidth, clientID: config.client_id))
    }

    static func all() throws -> [EMMGVector] { try GoldenVectors.cases(EMMGVector.self, from: "simulcrypt.json") }
    static var sent: [EMMGVector] { ((try? all()) ?? []).filter { $0.direction == "EMMG->MUX" } }
    static var answered: [EMMGVector] { ((try? all()) ?? []).filter { $0.direction?.hasPrefix("MUX->EMMG") == true } }
}

func hex(_ buffer: ByteBuffer) -> String { Data(buffer.readableBytesView).testHex }

@Suite("EMMG messages against the vectors")
struct EMMGVectorTests {
    @Test("every message the EMMG sends has the vector's bytes (TS packets where packet_mode is 1)", arguments: EMMGVector.sent)
    func sentMessages(vector: EMMGVector) throws {
        let outbound = EMMGOutbound(settings: vector.settings)
        let pdu: SimulCryptPDU<EMMGMessage>
        switch vector.message_type {
        case 0x0011: pdu = outbound.channelSetup
        case 0x0111: pdu = outbound.streamSetup
        case 0x0117: pdu = outbound.streamBWRequest
        case 0x0211:
            let emm = try Self.emm(described: vector.description)
            let datagram = vector.settings.packaging.datagram(carrying: ByteBuffer(bytes: emm))
            pdu = outbound.dataProvision(datagram)
            if vector.settings.packetMode == 1 {
                // decisions.md §2: one 188-byte packet per section; the vector shows the original's bare section.
                let bytes = Array(datagram.readableBytesView)
                #expect(bytes.count == 188)
                #expect(Array(bytes[0..<5]) == [0x47, 0x5F, 0xFF, 0x10, 0x00])
                #expect(Array(bytes[5..<67]) == emm)
                #expect(bytes[67...].allSatisfy { $0 == 0xFF })
                return
            }
        default:
            Issue.record("unexpected message type \(vector.message_type ?? 0)")
            return
        }
        #expect(hex(try pdu.encoded()) == vector.pdu_hex)
    }

    @Test("the EMMG answers the MUX's messages as the vectors show", arguments: EMMGVector.answered)
    func replies(vector: EMMGVector) throws {
        let bytes = ByteBuffer(bytes: [UInt8](Data(testHex: vector.pdu_hex!)!))
        let action = EMMGInbound(settings: vector.settings).action(for: try SimulCryptPDU<EMMGMessage>.decode(exactly: bytes))
        if let expected = vector.reply_pdu_hex {
            guard case .reply(let reply) = action else {
                Issue.record("no reply: \(action)")
                return
            }
            #expect(hex(try reply.encoded()) == expected)
        } else if case .reply = action {
            Issue.record("replied where the original sent nothing")
        }
    }

    @Test("channel_close ends the channel; stream_close_request is answered with stream_close_response")
    func closes() throws {
        let settings = EMMGSettingsRow(row: EMMGRow(protocolVersion: 3))
        let inbound = EMMGInbound(settings: settings)
        #expect(
            inbound.action(for: SimulCryptPDU(protocolVersion: 3, message: .channelClose(.init(clientID: 0x0B00_0001, channelID: 1))))
                == .channelClosed)
        let request = EMMGMessage.StreamCloseRequest(clientID: 0x0B00_0001, channelID: 1, streamID: 1)
        #expect(
            inbound.action(for: SimulCryptPDU(protocolVersion: 3, message: .streamCloseRequest(request)))
                == .streamClosed(reply: SimulCryptPDU(protocolVersion: 3, message: .streamCloseResponse(.init(replyingTo: request)))))
    }

    /// The EMM a data_provision vector describes (`serial N, AC X, key K, pair P, type T, start S, finish F, UTC`).
    static func emm(described text: String) throws -> [UInt8] {
        func field(_ name: String) -> String {
            let range = text.range(of: name + " ")!
            return String(text[range.upperBound...].prefix { $0 != "," && $0 != ")" })
        }
        let subscription = CardSubscription(
            serial: CardSerial(rawValue: UInt32(field("serial"))!), accessCriteria: try AccessCriteria(hex: field("AC")),
            start: UInt32(field("start"))!, finish: UInt32(field("finish"))!, pair: Int(field("pair"))!, type: Int(field("type"))!)
        return try EMMBuilder(zone: .utc).build(for: subscription, key: try CardKey(hex: field("key")))
    }
}
