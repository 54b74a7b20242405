import NIOCore
import SimulCrypt
import Testing

/// The messages the daemons build (ECMG replies, the EMMG's own messages) come out byte-exact as
/// the vectors when made through the typed API from the vector's configuration.
@Suite("simulcrypt.json: building replies and EMMG messages")
struct VectorReplyTests {
    static let ecmgReplies = SimulCryptVector.binding.filter { $0.ecmgConfig != nil && $0.replyPDUHex != nil }
    static let emmgReplies = SimulCryptVector.binding.filter {
        $0.direction?.hasPrefix("MUX->EMMG") == true && $0.replyPDUHex != nil
    }
    static let emmgMessages = SimulCryptVector.binding.filter { $0.direction == "EMMG->MUX" }

    @Test("ECMG replies: channel_status, stream_status, ECM_response", arguments: ecmgReplies)
    func ecmgReply(vector: SimulCryptVector) throws {
        let config = try #require(vector.ecmgConfig)
        let request = try SimulCryptPDU<ECMGMessage>.decode(exactly: vector.pdu)
        let reply: ECMGMessage
        switch request.message {
        case .channelSetup(let m as any ChannelRequest), .channelTest(let m as any ChannelRequest):
            reply = .channelStatus(
                ECMGMessage.ChannelStatus(
                    channelID: m.channelID, sectionTSpktFlag: SectionTSpktFlag(rawValue: UInt8(config["packet_mode"]!))!,
                    acDelayStart: nonZero(config["ac_delay_start"]), acDelayStop: nonZero(config["ac_delay_stop"]),
                    delayStart: Int16(config["delay_start"]!), delayStop: Int16(config["delay_stop"]!),
                    transitionDelayStart: Int16(config["transition_delay_start"]!),
                    transitionDelayStop: Int16(config["transition_delay_stop"]!),
                    ecmRepPeriod: UInt16(config["repetition_period"]!), maxStreams: 256,
                    minCPDuration: UInt16(config["min_cp_duration"]!), leadCW: 1, cwPerMessage: 2,
                    maxCompTime: UInt16(config["max_compute_time"]!)))
        case .streamSetup(let setup):
            reply = .streamStatus(ECMGMessage.StreamStatus(replyingTo: setup, accessCriteriaTransferMode: true))
        case .streamTest(let test):
            reply = .streamStatus(
                ECMGMessage.StreamStatus(channelID: test.channelID, streamID: test.streamID, ecmID: nil, accessCriteriaTransferMode: true))
        case .cwProvision(let provision):
            guard case .ecmResponse(let recorded) = try SimulCryptPDU<ECMGMessage>.decode(exactly: vector.reply!).message else {
                Issue.record("the recorded reply is not an ECM_response")
                return
            }
            reply = .ecmResponse(ECMGMessage.ECMResponse(replyingTo: provision, ecmDatagram: recorded.ecmDatagram))
        default:
            Issue.record("no reply expected to \(request.message.messageType)")
            return
        }
        let encoded = try SimulCryptPDU(protocolVersion: request.protocolVersion, message: reply).encoded()
        #expect(encoded.hex == vector.replyPDUHex)
    }

    @Test("EMMG replies: channel_status, stream_status", arguments: emmgReplies)
    func emmgReply(vector: SimulCryptVector) throws {
        let config = try #require(vector.emmgConfig)
        let request = try SimulCryptPDU<EMMGMessage>.decode(exactly: vector.pdu)
        let client = UInt32(config["client_id"]!)
        let reply: EMMGMessage
        switch request.message {
        case .channelTest:
            reply = .channelStatus(
                .init(clientID: client, channelID: 1, sectionTSpktFlag: SectionTSpktFlag(rawValue: UInt8(config["packet_mode"]!))!))
        case .streamTest:
            reply = .streamStatus(.init(clientID: client, channelID: 1, streamID: 1, dataID: 1, dataType: .emm))
        default:
            Issue.record("no reply expected to \(request.message.messageType)")
            return
        }
        let encoded = try SimulCryptPDU(protocolVersion: request.protocolVersion, message: reply).encoded()
        #expect(encoded.hex == vector.replyPDUHex)
    }

    @Test("EMMG messages: channel_setup, stream_setup, stream_BW_request, data_provision", arguments: emmgMessages)
    func emmgMessage(vector: SimulCryptVector) throws {
        let config = try #require(vector.emmgConfig)
        let client = UInt32(config["client_id"]!)
        let flag = SectionTSpktFlag(rawValue: UInt8(config["packet_mode"]!))!
        let message: EMMGMessage
        switch EMMGMessageType(rawValue: UInt16(vector.messageType!)) {
        case .channelSetup: message = .channelSetup(.init(clientID: client, channelID: 1, sectionTSpktFlag: flag))
        case .streamSetup: message = .streamSetup(.init(clientID: client, channelID: 1, streamID: 1, dataID: 1, dataType: .emm))
        case .streamBWRequest:
            message = .streamBWRequest(.init(clientID: client, channelID: 1, streamID: 1, bandwidth: UInt16(config["bandwidth"]!)))
        case .dataProvision:
            guard case .dataProvision(let recorded) = try SimulCryptPDU<EMMGMessage>.decode(exactly: vector.pdu).message else {
                Issue.record("not a data_provision")
                return
            }
            message = .dataProvision(.init(clientID: client, channelID: 1, streamID: 1, dataID: 1, datagrams: recorded.datagrams))
        default:
            Issue.record("unexpected EMMG message \(vector.messageType!)")
            return
        }
        let encoded = try SimulCryptPDU(protocolVersion: UInt8(config["protocol_version"]!), message: message).encoded()
        #expect(encoded.hex == vector.pduHex)
    }

    private func nonZero(_ value: Int?) -> Int16? {
        guard let value, value != 0 else { return nil }
        return Int16(value)
    }
}

/// channel_setup and channel_test both name the channel the status is for.
private protocol ChannelRequest {
    var channelID: UInt16 { get }
}

extension ECMGMessage.ChannelSetup: ChannelRequest {}
extension ECMGMessage.ChannelTest: ChannelRequest {}
