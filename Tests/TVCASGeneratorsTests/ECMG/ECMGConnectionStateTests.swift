import NIOCore
import SimulCrypt
import TVCASCore
import TVCASGenerators
import Testing

@Suite("ECMG connection state machine")
struct ECMGConnectionStateTests {
    typealias Support = ECMGTestSupport

    func ok(_ message: ECMGMessage, version: UInt8 = 3) -> Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError> {
        .success(SimulCryptPDU(protocolVersion: version, message: message))
    }

    func errorStatus(_ action: ECMGConnectionAction) -> (channel: UInt16, stream: UInt16?, status: ECMGErrorStatus)? {
        switch action.reply?.message {
        case .channelError(let e): (e.channelID, nil, e.errorStatuses[0])
        case .streamError(let e): (e.channelID, e.streamID, e.errorStatuses[0])
        default: nil
        }
    }

    func opened(channel: UInt16 = 0, streams: [UInt16] = []) -> ECMGConnectionState {
        var state = ECMGConnectionState(settings: Support.settings(), ident: 0x0B00)
        _ = state.receive(ok(.channelSetup(.init(channelID: channel, superCASID: 0x0B00_0000))))
        for stream in streams {
            _ = state.receive(ok(.streamSetup(.init(channelID: channel, streamID: stream, ecmID: stream, nominalCPDuration: 100))))
        }
        return state
    }

    @Test("channel_setup opens the channel and answers channel_status with the row's parameters, echoing the version")
    func setup() {
        var state = ECMGConnectionState(settings: Support.settings(), ident: 0x0B00)
        let action = state.receive(ok(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)), version: 2))
        #expect(action.reply == SimulCryptPDU(protocolVersion: 2, message: .channelStatus(Support.settings().channelStatus(channelID: 0))))
        #expect(action.event == .channelOpened(channelID: 0, superCASID: 0x0B00_0000, identMismatch: false))
        #expect(state.channel?.id == 0)
        #expect(state.channel?.protocolVersion == 2)
    }

    @Test("a super_CAS_id whose upper 16 bits differ from ident is accepted and reported")
    func identMismatch() {
        var state = ECMGConnectionState(settings: Support.settings(), ident: 0x0B00)
        let action = state.receive(ok(.channelSetup(.init(channelID: 5, superCASID: 0x1B00_0001))))
        #expect(action.reply?.message.messageType == .channelStatus)
        #expect(action.event == .channelOpened(channelID: 5, superCASID: 0x1B00_0001, identMismatch: true))
    }

    @Test("a second channel_setup: same id → ECM_channel_id in use; other id → too many channels")
    func secondSetup() {
        var state = opened(channel: 3)
        #expect(errorStatus(state.receive(ok(.channelSetup(.init(channelID: 3, superCASID: 0x0B00_0000)))))?.status == .ecmChannelIDInUse)
        #expect(
            errorStatus(state.receive(ok(.channelSetup(.init(channelID: 4, superCASID: 0x0B00_0000)))))?.status == .tooManyChannelsOnThisECMG)
        #expect(state.channel?.id == 3)
    }

    @Test("messages for a channel that is not open → channel_error unknown ECM_channel_id")
    func unknownChannel() {
        var fresh = ECMGConnectionState(settings: Support.settings(), ident: 0x0B00)
        #expect(errorStatus(fresh.receive(ok(.channelTest(.init(channelID: 0)))))! == (0, nil, .unknownECMChannelID))
        var state = opened(channel: 1)
        for message: ECMGMessage in [
            .channelTest(.init(channelID: 2)), .channelClose(.init(channelID: 2)),
            .streamSetup(.init(channelID: 2, streamID: 1, ecmID: 1, nominalCPDuration: 100)), .streamTest(.init(channelID: 2, streamID: 1)),
            .streamCloseRequest(.init(channelID: 2, streamID: 1)), Support.provision(channel: 2, stream: 1, cp: 1, cws: [1, 2], ac: 1),
        ] {
            let error = errorStatus(state.receive(ok(message)))
            #expect(error?.status == .unknownECMChannelID)
            #expect(error?.channel == 2)
            #expect(error?.stream == nil)
        }
    }

    @Test("stream errors: unknown stream, stream id in use, ECM_id in use, too many streams")
    func streamErrors() {
        var state = opened(channel: 0, streams: [1])
        #expect(errorStatus(state.receive(ok(.streamTest(.init(channelID: 0, streamID: 9)))))! == (0, 9, .unknownECMStreamID))
        #expect(errorStatus(state.receive(ok(.streamCloseRequest(.init(channelID: 0, streamID: 9)))))! == (0, 9, .unknownECMStreamID))
        #expect(errorStatus(state.receive(ok(Support.provision(stream: 9, cp: 1, cws: [1, 2], ac: 1))))! == (0, 9, .unknownECMStreamID))
        #expect(
            errorStatus(state.receive(ok(.streamSetup(.init(channelID: 0, streamID: 1, ecmID: 7, nominalCPDuration: 100)))))! == (
                0, 1, .ecmStreamIDInUse
            ))
        #expect(
            errorStatus(state.receive(ok(.streamSetup(.init(channelID: 0, streamID: 2, ecmID: 1, nominalCPDuration: 100)))))! == (
                0, 2, .ecmIDInUse
            ))
        var full = opened(channel: 0, streams: Array(0..<256))
        #expect(full.channel?.streams.count == 256)
        #expect(
            errorStatus(full.receive(ok(.streamSetup(.init(channelID: 0, streamID: 300, ecmID: nil, nominalCPDuration: 100)))))?.status
                == .tooManyECMStreamsOnThisChannel)
    }

    @Test("stream_setup/test answer stream_status; stream_close_request answers stream_close_response and forgets the stream")
    func streams() {
        var state = opened(channel: 0)
        let setup = state.receive(ok(.streamSetup(.init(channelID: 0, streamID: 0, ecmID: 0, nominalCPDuration: 100)), version: 1))
        #expect(
            setup.reply
                == SimulCryptPDU(
                    protocolVersion: 1, message: .streamStatus(.init(channelID: 0, streamID: 0, ecmID: 0, accessCriteriaTransferMode: true))))
        let test = state.receive(ok(.streamTest(.init(channelID: 0, streamID: 0))))
        #expect(test.reply?.message == .streamStatus(.init(channelID: 0, streamID: 0, ecmID: 0, accessCriteriaTransferMode: true)))
        let close = state.receive(ok(.streamCloseRequest(.init(channelID: 0, streamID: 0))))
        #expect(close.reply?.message == .streamCloseResponse(.init(channelID: 0, streamID: 0)))
        #expect(state.channel?.streams.isEmpty == true)
        #expect(errorStatus(state.receive(ok(.streamTest(.init(channelID: 0, streamID: 0)))))?.status == .unknownECMStreamID)
    }

    @Test("CW_provision becomes an ECM request: CWs by CP number, else in message order; AC from the first 4 bytes")
    func provision() {
        var state = opened(channel: 0, streams: [4])
        let action = state.receive(ok(Support.provision(stream: 4, cp: 10, cws: [0x1111, 0x2222], ac: 0xA000_0000), version: 2))
        let request = try! #require(action.ecmRequest)
        #expect(request.protocolVersion == 2)
        #expect(request.currentControlWord.rawValue == 0x1111)
        #expect(request.nextControlWord.rawValue == 0x2222)
        #expect(request.evenControlWord.rawValue == 0x1111)
        #expect(request.oddControlWord.rawValue == 0x2222)
        #expect(request.accessCriteria.rawValue == 0xA000_0000)
        // Numbered the other way round: taken by number.
        var swapped = ECMGMessage.CPCWCombination(cpNumber: 11, controlWord: ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0x22, 0x22]))
        let first = ECMGMessage.CPCWCombination(cpNumber: 10, controlWord: ByteBuffer(bytes: [0, 0, 0, 0, 0, 0, 0x11, 0x11]))
        var message = ECMGMessage.CWProvision(channelID: 0, streamID: 4, cpNumber: 10, cpCWCombinations: [swapped, first])
        #expect(state.receive(ok(.cwProvision(message))).ecmRequest?.currentControlWord.rawValue == 0x1111)
        // Numbers that fit neither: message order, as the original.
        swapped.cpNumber = 99
        message.cpCWCombinations = [swapped, first]
        let fallback = state.receive(ok(.cwProvision(message))).ecmRequest
        #expect(fallback?.currentControlWord.rawValue == 0x2222)
        #expect(fallback?.accessCriteria.rawValue == 0)
    }

    @Test("CW_provision errors: one CW → not enough CWs; 16-byte CWs → inconsistent length")
    func provisionErrors() {
        var state = opened(channel: 0, streams: [1])
        #expect(errorStatus(state.receive(ok(Support.provision(stream: 1, cp: 1, cws: [1], ac: 1))))?.status == .notEnoughControlWordsToComputeECM)
        let long = ECMGMessage.CPCWCombination(cpNumber: 1, controlWord: ByteBuffer(bytes: [UInt8](repeating: 1, count: 16)))
        let message = ECMGMessage.CWProvision(channelID: 0, streamID: 1, cpNumber: 1, cpCWCombinations: [long, long])
        #expect(errorStatus(state.receive(ok(.cwProvision(message))))?.status == .inconsistentLengthForDVBParameter)
    }

    @Test("channel_close ends the channel and the connection; an ECM_response sent to the ECMG is an invalid message")
    func closeAndWrongDirection() {
        var state = opened(channel: 0)
        #expect(
            errorStatus(state.receive(ok(.ecmResponse(.init(channelID: 0, streamID: 0, cpNumber: 0, ecmDatagram: ByteBuffer())))))?.status
                == .invalidMessage)
        let action = state.receive(ok(.channelClose(.init(channelID: 0))))
        #expect(action.close == .channelClosed)
        #expect(action.reply == nil)
        #expect(state.channel == nil)
    }

    @Test("decoding errors are answered with their error_status; an unsupported version gets the reply in version 3")
    func decodingErrors() {
        var state = opened(channel: 6)
        let header = SimulCryptMessageHeader(protocolVersion: 4, messageType: 0x0002, messageLength: 6)
        let action = state.receive(
            .failure(SimulCryptDecodingError(.unsupportedProtocolVersion(4), interface: .ecmgSCS, header: header, channelID: 6)))
        #expect(action.reply?.protocolVersion == 3)
        #expect(errorStatus(action)! == (6, nil, .unsupportedProtocolVersion))
        let unknownType = SimulCryptMessageHeader(protocolVersion: 2, messageType: 0x0999, messageLength: 0)
        let second = state.receive(.failure(SimulCryptDecodingError(.unknownMessageType(0x999), interface: .ecmgSCS, header: unknownType)))
        #expect(second.reply?.protocolVersion == 2)
        #expect(errorStatus(second)! == (6, nil, .unknownMessageType))
        let tooLong = state.receiveUnreadable(
            SimulCryptDecodingError(.messageTooLong(length: 9000, maximum: 4096), interface: .ecmgSCS, header: unknownType))
        #expect(errorStatus(tooLong)?.status == .messageTooLong)
        #expect(tooLong.close == .messageTooLong(length: 9000))
    }

    @Test("silence: channel_test once on an open channel, then close; without a channel, close at once")
    func idle() {
        var state = opened(channel: 2)
        let first = state.peerWasIdle()
        #expect(first.reply == SimulCryptPDU(protocolVersion: 3, message: .channelTest(.init(channelID: 2))))
        #expect(first.close == nil)
        #expect(state.peerWasIdle().close == .noAnswerToChannelTest(seconds: 60))
        // Any message clears the outstanding test.
        _ = state.receive(ok(.channelStatus(Support.settings().channelStatus(channelID: 2))))
        #expect(state.peerWasIdle().close == nil)
        var fresh = ECMGConnectionState(settings: Support.settings(timeout: 5), ident: 0x0B00)
        #expect(fresh.peerWasIdle().close == .idleWithoutChannel(seconds: 5))
    }

    @Test("new settings apply to the next channel_setup only")
    func reload() {
        var state = opened(channel: 0)
        var newer = Support.settings()
        newer.version = 10
        newer.repetitionPeriod = 500
        state.apply(settings: newer)
        #expect(state.channel?.settings.repetitionPeriod == 200)
        let test = state.receive(ok(.channelTest(.init(channelID: 0))))
        #expect(test.reply?.message == .channelStatus(Support.settings().channelStatus(channelID: 0)))
        _ = state.receive(ok(.channelClose(.init(channelID: 0))))
        _ = state.receive(ok(.channelSetup(.init(channelID: 0, superCASID: 0))))
        #expect(state.channel?.settings.repetitionPeriod == 500)
    }
}
