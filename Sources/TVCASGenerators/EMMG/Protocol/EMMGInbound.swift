import SimulCrypt

/// How the EMMG answers the MUX (simulcrypt.md §3.3, fixed as decisions.md §2 says): tests get
/// their status, errors are counted, channel_close and stream_close_request end the channel
/// cleanly, and a malformed message gets channel_error or stream_error.
public struct EMMGInbound: Sendable {
    /// The row's settings.
    public let settings: EMMGSettingsRow

    /// A handler for `settings`.
    public init(settings: EMMGSettingsRow) { self.settings = settings }

    /// The action for a decoded message, or for one that could not be decoded.
    public func action(for received: Result<SimulCryptPDU<EMMGMessage>, SimulCryptDecodingError>) -> EMMGInboundAction {
        switch received {
        case .failure(let error):
            let reply = EMMGMessage(errorReplyTo: error, clientID: settings.clientID, channelID: settings.dataChannelID)
            return .reply(SimulCryptPDU(protocolVersion: settings.protocolVersion, message: reply))
        case .success(let pdu):
            return action(for: pdu)
        }
    }

    /// The action for a decoded message; a reply takes the request's protocol_version.
    public func action(for pdu: SimulCryptPDU<EMMGMessage>) -> EMMGInboundAction {
        let version = pdu.protocolVersion
        switch pdu.message {
        case .channelTest:
            return .reply(
                SimulCryptPDU(
                    protocolVersion: version,
                    message: .channelStatus(
                        .init(clientID: settings.clientID, channelID: settings.dataChannelID, sectionTSpktFlag: settings.packaging.flag))))
        case .streamTest:
            return .reply(
                SimulCryptPDU(
                    protocolVersion: version,
                    message: .streamStatus(
                        .init(
                            clientID: settings.clientID, channelID: settings.dataChannelID, streamID: settings.dataStreamID,
                            dataID: settings.dataID, dataType: .emm))))
        case .channelStatus: return .channelOpen
        case .streamStatus: return .streamOpen
        case .streamBWAllocation(let allocation): return .bandwidthAllocated(allocation.bandwidth)
        case .channelError(let error): return .peerError(error.errorStatuses)
        case .streamError(let error): return .peerError(error.errorStatuses)
        case .channelClose: return .channelClosed
        case .streamCloseRequest(let request):
            return .streamClosed(
                reply: SimulCryptPDU(protocolVersion: version, message: .streamCloseResponse(.init(replyingTo: request))))
        case .streamCloseResponse, .channelSetup, .streamSetup, .streamBWRequest, .dataProvision: return .ignore
        }
    }
}
