import NIOCore

extension ECMGMessage {
    public static func decode(header: SimulCryptMessageHeader, body: ByteBuffer) throws(SimulCryptDecodingError) -> ECMGMessage {
        var parameters = ParameterList<ECMGParameterType>(body: body, protocolVersion: header.protocolVersion)
        do throws(SimulCryptDecodingError.Kind) {
            guard interface.supportedProtocolVersions.contains(header.protocolVersion) else {
                throw .unsupportedProtocolVersion(header.protocolVersion)
            }
            let type = ECMGMessageType(rawValue: header.messageType)
            guard type.isKnown else { throw .unknownMessageType(header.messageType) }
            try parameters.validateStructure()
            let message: ECMGMessage
            switch type {
            case .channelSetup: message = .channelSetup(try ChannelSetup(parameters: &parameters))
            case .channelTest: message = .channelTest(try ChannelTest(parameters: &parameters))
            case .channelStatus: message = .channelStatus(try ChannelStatus(parameters: &parameters))
            case .channelClose: message = .channelClose(try ChannelClose(parameters: &parameters))
            case .channelError: message = .channelError(try ChannelError(parameters: &parameters))
            case .streamSetup: message = .streamSetup(try StreamSetup(parameters: &parameters))
            case .streamTest: message = .streamTest(try StreamTest(parameters: &parameters))
            case .streamStatus: message = .streamStatus(try StreamStatus(parameters: &parameters))
            case .streamCloseRequest: message = .streamCloseRequest(try StreamCloseRequest(parameters: &parameters))
            case .streamCloseResponse: message = .streamCloseResponse(try StreamCloseResponse(parameters: &parameters))
            case .streamError: message = .streamError(try StreamError(parameters: &parameters))
            case .cwProvision: message = .cwProvision(try CWProvision(parameters: &parameters))
            default: message = .ecmResponse(try ECMResponse(parameters: &parameters))
            }
            try parameters.requireAllTaken()
            return message
        } catch {
            throw SimulCryptDecodingError(
                error, interface: interface, header: header,
                channelID: parameters.peekUInt16(.ecmChannelID), streamID: parameters.peekUInt16(.ecmStreamID))
        }
    }
}
