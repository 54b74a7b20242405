import NIOCore
import SimulCrypt
import TVCASCore

/// The ECMG side of one SCS connection as a plain state machine (ETSI TS 103 197 with the
/// choices of decisions.md §2): the connection's channel, its streams and the channel_test timer.
///
/// It takes decoded messages (or decoding errors) and the idle timer's expiry, and answers with
/// an ``ECMGConnectionAction``; it does no I/O, so it is tested on its own. One TCP connection
/// carries at most one channel, as the standard says.
public struct ECMGConnectionState: Sendable {
    /// The channel open on the connection.
    public struct Channel: Hashable, Sendable {
        /// ECM_channel_id, as the SCS chose it.
        public var id: UInt16
        /// protocol_version of the channel_setup; the ECMG's channel_test uses it.
        public var protocolVersion: UInt8
        /// super_CAS_id of the channel_setup.
        public var superCASID: UInt32
        /// The settings the channel was set up with: they stay until the SCS sets up again.
        public var settings: ECMGRowSettings
        /// The open streams by ECM_stream_id.
        public var streams: [UInt16: Stream]
    }

    /// A stream open on the channel.
    public struct Stream: Hashable, Sendable {
        /// ECM_stream_id.
        public var id: UInt16
        /// ECM_id, when the stream_setup carried one.
        public var ecmID: UInt16?
    }

    /// The settings a channel_setup on this connection gets (changed by a reload).
    public private(set) var settings: ECMGRowSettings
    /// The configured `ident` (CA_system_id), compared with super_CAS_id's upper 16 bits.
    public let ident: UInt16
    /// The open channel, if any.
    public private(set) var channel: Channel?
    /// Whether the ECMG sent a channel_test that nothing has followed yet.
    public private(set) var isTestOutstanding = false

    /// A fresh connection.
    public init(settings: ECMGRowSettings, ident: UInt16) {
        self.settings = settings
        self.ident = ident
    }

    /// Takes new row settings: they apply to the next channel_setup; an open channel keeps its own.
    public mutating func apply(settings: ECMGRowSettings) {
        self.settings = settings
    }

    /// The inactivity limit in force: the channel's `timeout`, or the connection's before a setup.
    public var timeout: UInt16 { channel?.settings.timeout ?? settings.timeout }

    // MARK: Inputs

    /// Takes one decoded message, or a malformed one that was consumed whole.
    public mutating func receive(_ input: Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError>) -> ECMGConnectionAction {
        isTestOutstanding = false
        switch input {
        case .success(let pdu): return receive(pdu.message, version: pdu.protocolVersion)
        case .failure(let error): return answer(error)
        }
    }

    /// The decoder met a header announcing more bytes than it reads: answer with "message too
    /// long" and close, since the stream cannot be followed any further.
    public mutating func receiveUnreadable(_ error: SimulCryptDecodingError) -> ECMGConnectionAction {
        var action = answer(error)
        if case .messageTooLong(let length, _) = error.kind {
            action.close = .messageTooLong(length: length)
        } else {
            action.close = .messageTooLong(length: 0)
        }
        return action
    }

    /// Nothing arrived for ``timeout`` seconds: send channel_test on an open channel, once; close
    /// the connection when no channel is open or the test went unanswered.
    public mutating func peerWasIdle() -> ECMGConnectionAction {
        guard let channel else { return ECMGConnectionAction(close: .idleWithoutChannel(seconds: timeout)) }
        guard !isTestOutstanding else { return ECMGConnectionAction(close: .noAnswerToChannelTest(seconds: timeout)) }
        isTestOutstanding = true
        let test = SimulCryptPDU(protocolVersion: channel.protocolVersion, message: ECMGMessage.channelTest(.init(channelID: channel.id)))
        return ECMGConnectionAction(reply: test, event: .sentChannelTest)
    }

    // MARK: Messages

    private mutating func receive(_ message: ECMGMessage, version: UInt8) -> ECMGConnectionAction {
        switch message {
        case .channelSetup(let setup): return channelSetup(setup, version: version)
        case .channelTest(let test):
            guard let channel, channel.id == test.channelID else { return unknownChannel(test.channelID, version: version) }
            return reply(.channelStatus(channel.settings.channelStatus(channelID: channel.id)), version: version)
        case .channelClose(let close):
            guard let channel, channel.id == close.channelID else { return unknownChannel(close.channelID, version: version) }
            self.channel = nil
            return ECMGConnectionAction(close: .channelClosed)
        case .streamSetup(let setup): return streamSetup(setup, version: version)
        case .streamTest(let test):
            guard let channel, channel.id == test.channelID else { return unknownChannel(test.channelID, version: version) }
            guard let stream = channel.streams[test.streamID] else {
                return unknownStream(channel: test.channelID, stream: test.streamID, version: version)
            }
            return reply(
                .streamStatus(.init(channelID: channel.id, streamID: stream.id, ecmID: stream.ecmID, accessCriteriaTransferMode: true)),
                version: version)
        case .streamCloseRequest(let request):
            guard let channel, channel.id == request.channelID else { return unknownChannel(request.channelID, version: version) }
            guard channel.streams[request.streamID] != nil else {
                return unknownStream(channel: request.channelID, stream: request.streamID, version: version)
            }
            self.channel?.streams[request.streamID] = nil
            var action = reply(.streamCloseResponse(.init(replyingTo: request)), version: version)
            action.event = .streamClosed(channelID: request.channelID, streamID: request.streamID)
            return action
        case .cwProvision(let provision): return cwProvision(provision, version: version)
        case .channelStatus, .streamStatus:
            return .none
        case .channelError(let error):
            return ECMGConnectionAction(event: .peerReportedError(streamID: nil, statuses: error.errorStatuses))
        case .streamError(let error):
            return ECMGConnectionAction(event: .peerReportedError(streamID: error.streamID, statuses: error.errorStatuses))
        case .streamCloseResponse, .ecmResponse:
            return channelError(
                message.channelID, .invalidMessage, detail: "\(message.messageType) is sent by an ECMG, not to it", version: version)
        }
    }

    private mutating func channelSetup(_ setup: ECMGMessage.ChannelSetup, version: UInt8) -> ECMGConnectionAction {
        if let channel {
            if channel.id == setup.channelID {
                return channelError(setup.channelID, .ecmChannelIDInUse, detail: "channel \(setup.channelID) is already open", version: version)
            }
            return channelError(
                setup.channelID, .tooManyChannelsOnThisECMG,
                detail: "this connection already carries channel \(channel.id) (one channel per connection)", version: version)
        }
        channel = Channel(id: setup.channelID, protocolVersion: version, superCASID: setup.superCASID, settings: settings, streams: [:])
        var action = reply(.channelStatus(settings.channelStatus(channelID: setup.channelID)), version: version)
        action.event = .channelOpened(
            channelID: setup.channelID, superCASID: setup.superCASID, identMismatch: UInt16(truncatingIfNeeded: setup.superCASID >> 16) != ident)
        return action
    }

    private mutating func streamSetup(_ setup: ECMGMessage.StreamSetup, version: UInt8) -> ECMGConnectionAction {
        guard let channel, channel.id == setup.channelID else { return unknownChannel(setup.channelID, version: version) }
        if channel.streams[setup.streamID] != nil {
            return streamError(
                setup.channelID, setup.streamID, .ecmStreamIDInUse, detail: "stream \(setup.streamID) is already open", version: version)
        }
        if let ecmID = setup.ecmID, let other = channel.streams.values.first(where: { $0.ecmID == ecmID }) {
            return streamError(
                setup.channelID, setup.streamID, .ecmIDInUse, detail: "ECM_id \(ecmID) is used by stream \(other.id)", version: version)
        }
        if channel.streams.count >= Int(ECMGRowSettings.maxStreams) {
            return streamError(
                setup.channelID, setup.streamID, .tooManyECMStreamsOnThisChannel,
                detail: "max_streams is \(ECMGRowSettings.maxStreams)", version: version)
        }
        self.channel?.streams[setup.streamID] = Stream(id: setup.streamID, ecmID: setup.ecmID)
        var action = reply(.streamStatus(.init(replyingTo: setup, accessCriteriaTransferMode: true)), version: version)
        action.event = .streamOpened(channelID: setup.channelID, streamID: setup.streamID, ecmID: setup.ecmID)
        return action
    }

    private func cwProvision(_ provision: ECMGMessage.CWProvision, version: UInt8) -> ECMGConnectionAction {
        guard let channel, channel.id == provision.channelID else { return unknownChannel(provision.channelID, version: version) }
        guard channel.streams[provision.streamID] != nil else {
            return unknownStream(channel: provision.channelID, stream: provision.streamID, version: version)
        }
        let combinations = provision.cpCWCombinations
        guard combinations.count >= 2 else {
            return streamError(
                provision.channelID, provision.streamID, .notEnoughControlWordsToComputeECM,
                detail: "CW_per_msg is 2: the CWs of CP_number and the period after it", version: version)
        }
        let (currentIndex, nextIndex) = Self.pick(cpNumber: provision.cpNumber, count: combinations.count) {
            combinations[$0].cpNumber
        }
        let (current, following) = (combinations[currentIndex], combinations[nextIndex])
        guard let currentWord = Self.controlWord(current.controlWord), let nextWord = Self.controlWord(following.controlWord) else {
            return streamError(
                provision.channelID, provision.streamID, .inconsistentLengthForDVBParameter,
                detail: "control words must be 8 bytes (DVB-CSA); the ECM has no room for longer ones", version: version)
        }
        let request = ECMRequest(
            protocolVersion: version, channelID: provision.channelID, streamID: provision.streamID, cpNumber: provision.cpNumber,
            currentControlWord: currentWord, nextControlWord: nextWord,
            accessCriteria: Self.accessCriteria(provision.accessCriteria), packetMode: channel.settings.packetMode)
        return ECMGConnectionAction(ecmRequest: request)
    }

    /// The ECM request for a CW_provision read by the fast path (``CWProvisionFields``): what
    /// ``receive(_:)`` would ask for with the same message decoded in full. `nil` when the
    /// message needs an error answer instead (no such channel or stream): decode it in full.
    public mutating func request(for fields: CWProvisionFields) -> ECMRequest? {
        guard let channel, channel.id == fields.channelID, channel.streams[fields.streamID] != nil else { return nil }
        isTestOutstanding = false
        let (currentIndex, _) = Self.pick(cpNumber: fields.cpNumber, count: 2) {
            $0 == 0 ? fields.firstCombination.cpNumber : fields.secondCombination.cpNumber
        }
        let (current, following) =
            currentIndex == 0
            ? (fields.firstCombination, fields.secondCombination) : (fields.secondCombination, fields.firstCombination)
        return ECMRequest(
            protocolVersion: fields.protocolVersion, channelID: fields.channelID, streamID: fields.streamID,
            cpNumber: fields.cpNumber, currentControlWord: ControlWord(rawValue: current.controlWord),
            nextControlWord: ControlWord(rawValue: following.controlWord),
            accessCriteria: AccessCriteria(rawValue: fields.accessCriteria ?? 0), packetMode: channel.settings.packetMode)
    }

    /// Which combinations carry the CWs, as indices: those numbered CP_number and CP_number + 1
    /// where the SCS numbered them so; otherwise the first two in message order, as the original
    /// took them. There are at least two (`count`); `number` gives each one's CP number.
    private static func pick(cpNumber: UInt16, count: Int, number: (Int) -> UInt16) -> (current: Int, next: Int) {
        let next = cpNumber &+ 1
        var current: Int?
        var following: Int?
        for index in 0..<count {
            let value = number(index)
            if current == nil, value == cpNumber { current = index }
            if following == nil, value == next { following = index }
        }
        guard let current, let following else { return (0, 1) }
        return (current, following)
    }

    // MARK: Answers

    private func reply(_ message: ECMGMessage, version: UInt8) -> ECMGConnectionAction {
        ECMGConnectionAction(reply: SimulCryptPDU(protocolVersion: version, message: message))
    }

    private func unknownChannel(_ channelID: UInt16, version: UInt8) -> ECMGConnectionAction {
        let detail = channel.map { "the open channel is \($0.id)" } ?? "no channel is open (channel_setup first)"
        return channelError(channelID, .unknownECMChannelID, detail: detail, version: version)
    }

    private func unknownStream(channel channelID: UInt16, stream streamID: UInt16, version: UInt8) -> ECMGConnectionAction {
        streamError(channelID, streamID, .unknownECMStreamID, detail: "stream \(streamID) is not open (stream_setup first)", version: version)
    }

    private func channelError(_ channelID: UInt16, _ status: ECMGErrorStatus, detail: String, version: UInt8) -> ECMGConnectionAction {
        let message = ECMGMessage.channelError(
            .init(channelID: channelID, errorStatus: status, errorInformation: Self.information(detail, version: version)))
        return ECMGConnectionAction(reply: SimulCryptPDU(protocolVersion: version, message: message), event: .answeredError(status, detail: detail))
    }

    private func streamError(
        _ channelID: UInt16, _ streamID: UInt16, _ status: ECMGErrorStatus, detail: String, version: UInt8
    ) -> ECMGConnectionAction {
        let message = ECMGMessage.streamError(
            .init(channelID: channelID, streamID: streamID, errorStatus: status, errorInformation: Self.information(detail, version: version)))
        return ECMGConnectionAction(reply: SimulCryptPDU(protocolVersion: version, message: message), event: .answeredError(status, detail: detail))
    }

    private func answer(_ error: SimulCryptDecodingError) -> ECMGConnectionAction {
        let supported = ECMGMessage.interface.supportedProtocolVersions
        let requested = error.header?.protocolVersion ?? supported.upperBound
        let version = supported.contains(requested) ? requested : supported.upperBound
        let detail = "\(error.kind)"
        let message = ECMGMessage(
            errorReplyTo: error, channelID: channel?.id ?? 0, errorInformation: Self.information(detail, version: version))
        return ECMGConnectionAction(
            reply: SimulCryptPDU(protocolVersion: version, message: message), event: .answeredError(error.ecmgErrorStatus, detail: detail))
    }

    /// error_information text for the peer's log (versions 2 and 3 define the parameter).
    private static func information(_ detail: String, version: UInt8) -> [ByteBuffer] {
        version >= 2 ? [ByteBuffer(string: String(detail.prefix(200)))] : []
    }

    // MARK: Values

    /// An 8-byte control word, or `nil` for any other length.
    static func controlWord(_ bytes: ByteBuffer) -> ControlWord? {
        guard bytes.readableBytes == 8, let value = bytes.getInteger(at: bytes.readerIndex, as: UInt64.self) else { return nil }
        return ControlWord(rawValue: value)
    }

    /// The first four bytes of access_criteria, big-endian; 0 when absent or shorter (as the original).
    static func accessCriteria(_ bytes: ByteBuffer?) -> AccessCriteria {
        guard let bytes, let value = bytes.getInteger(at: bytes.readerIndex, as: UInt32.self) else { return AccessCriteria(rawValue: 0) }
        return AccessCriteria(rawValue: value)
    }
}
