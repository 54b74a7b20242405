import NIOCore
import SimulCrypt

/// The messages this EMMG sends, built from its row, byte for byte as the vectors show
/// (decisions.md §1): every one under the row's `protocol_version` with the row's client_id.
public struct EMMGOutbound: Sendable {
    /// The row's settings.
    public let settings: EMMGSettingsRow

    /// Messages for `settings`.
    public init(settings: EMMGSettingsRow) { self.settings = settings }

    private func pdu(_ message: EMMGMessage) -> SimulCryptPDU<EMMGMessage> {
        SimulCryptPDU(protocolVersion: settings.protocolVersion, message: message)
    }

    /// channel_setup: client_id, data_channel_id, section_TSpkt_flag.
    public var channelSetup: SimulCryptPDU<EMMGMessage> {
        pdu(.channelSetup(.init(clientID: settings.clientID, channelID: settings.dataChannelID, sectionTSpktFlag: settings.packaging.flag)))
    }

    /// stream_setup for EMM data: client_id, channel, stream, data_id, data_type 0.
    public var streamSetup: SimulCryptPDU<EMMGMessage> {
        pdu(
            .streamSetup(
                .init(
                    clientID: settings.clientID, channelID: settings.dataChannelID, streamID: settings.dataStreamID, dataID: settings.dataID,
                    dataType: .emm)))
    }

    /// stream_BW_request for the row's bandwidth.
    public var streamBWRequest: SimulCryptPDU<EMMGMessage> {
        pdu(
            .streamBWRequest(
                .init(clientID: settings.clientID, channelID: settings.dataChannelID, streamID: settings.dataStreamID, bandwidth: settings.bandwidth)
            ))
    }

    /// data_provision carrying one datagram.
    public func dataProvision(_ datagram: ByteBuffer) -> SimulCryptPDU<EMMGMessage> {
        pdu(
            .dataProvision(
                .init(
                    clientID: settings.clientID, channelID: settings.dataChannelID, streamID: settings.dataStreamID, dataID: settings.dataID,
                    datagrams: [datagram])))
    }

    /// stream_close_request (on shutdown).
    public var streamCloseRequest: SimulCryptPDU<EMMGMessage> {
        pdu(.streamCloseRequest(.init(clientID: settings.clientID, channelID: settings.dataChannelID, streamID: settings.dataStreamID)))
    }

    /// channel_close (on shutdown).
    public var channelClose: SimulCryptPDU<EMMGMessage> {
        pdu(.channelClose(.init(clientID: settings.clientID, channelID: settings.dataChannelID)))
    }
}
