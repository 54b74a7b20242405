/// A SimulCrypt message that could not be decoded, with what the answer to it needs: the
/// error_status to send and the channel and stream it concerns where the message named them.
public struct SimulCryptDecodingError: Error, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: Error, Hashable, Sendable {
        /// The header's protocol_version is outside the interface's supported versions.
        case unsupportedProtocolVersion(UInt8)
        /// The header's message_type is not a message of the interface.
        case unknownMessageType(UInt16)
        /// The header announces more parameter bytes than the configured maximum; the message
        /// was not read, and the stream cannot be resynchronised.
        case messageTooLong(length: Int, maximum: Int)
        /// The bytes handed to a one-message decode are not exactly one message: `announced`
        /// (header plus message_length) differs from `available`.
        case inconsistentMessageLength(announced: Int, available: Int)
        /// Fewer than four bytes (a parameter's type and length) were left at the end of the body.
        case truncatedParameterHeader(remainingBytes: Int)
        /// A parameter's length runs past the end of the message body.
        case parameterExceedsMessage(parameterType: UInt16, length: Int, remainingBytes: Int)
        /// A parameter_type the interface's catalogue does not define (user-defined types included).
        case unknownParameterType(UInt16)
        /// A parameter of the catalogue that this message type does not carry.
        case parameterNotAllowed(parameterType: UInt16)
        /// A parameter appears more often than the message allows.
        case repeatedParameter(parameterType: UInt16)
        /// A parameter's length is not the one the standard gives for it.
        case inconsistentParameterLength(parameterType: UInt16, length: Int)
        /// A parameter the message must carry is absent.
        case missingMandatoryParameter(parameterType: UInt16)
        /// A parameter's value is outside the values the standard defines (e.g. a flag of 2).
        case invalidParameterValue(parameterType: UInt16, value: Int)
    }

    /// What was wrong.
    public var kind: Kind
    /// The interface the message was read on; it decides the error_status numbering.
    public var interface: SimulCryptInterface
    /// The message's header, once five bytes were there.
    public var header: SimulCryptMessageHeader?
    /// ECM_channel_id or data_channel_id of the message, when it carried a well-formed one.
    public var channelID: UInt16?
    /// ECM_stream_id or data_stream_id of the message, when it carried a well-formed one.
    public var streamID: UInt16?
    /// client_id of an EMMG⇔MUX message, when it carried a well-formed one.
    public var clientID: UInt32?

    /// An error of `kind` for a message on `interface`.
    public init(
        _ kind: Kind, interface: SimulCryptInterface, header: SimulCryptMessageHeader? = nil,
        channelID: UInt16? = nil, streamID: UInt16? = nil, clientID: UInt32? = nil
    ) {
        self.kind = kind
        self.interface = interface
        self.header = header
        self.channelID = channelID
        self.streamID = streamID
        self.clientID = clientID
    }

    /// Whether the stream can go on with the next message (the faulty message was consumed).
    public var isRecoverable: Bool {
        if case .messageTooLong = kind { return false }
        return true
    }

    /// The error_status to answer with on ECMG⇔SCS.
    public var ecmgErrorStatus: ECMGErrorStatus {
        switch kind {
        case .unsupportedProtocolVersion: .unsupportedProtocolVersion
        case .unknownMessageType: .unknownMessageType
        case .messageTooLong: .messageTooLong
        case .inconsistentMessageLength, .truncatedParameterHeader, .parameterExceedsMessage, .repeatedParameter:
            .invalidMessage
        case .unknownParameterType, .parameterNotAllowed: .unknownParameterType
        case .inconsistentParameterLength: .inconsistentLengthForDVBParameter
        case .missingMandatoryParameter: .missingMandatoryDVBParameter
        case .invalidParameterValue: .invalidValueForDVBParameter
        }
    }

    /// The error_status to answer with on EMMG⇔MUX.
    public var emmgErrorStatus: EMMGErrorStatus {
        switch kind {
        case .unsupportedProtocolVersion: .unsupportedProtocolVersion
        case .unknownMessageType: .unknownMessageType
        case .messageTooLong: .messageTooLong
        case .inconsistentMessageLength, .truncatedParameterHeader, .parameterExceedsMessage, .repeatedParameter:
            .invalidMessage
        case .unknownParameterType, .parameterNotAllowed: .unknownParameterType
        case .inconsistentParameterLength: .inconsistentLengthForDVBParameter
        case .missingMandatoryParameter: .missingMandatoryDVBParameter
        case .invalidParameterValue: .invalidValueForDVBParameter
        }
    }

    /// The error_status code in the numbering of ``interface``.
    public var errorStatusCode: UInt16 {
        switch interface {
        case .ecmgSCS: ecmgErrorStatus.rawValue
        case .emmgMUX: emmgErrorStatus.rawValue
        }
    }

    public var description: String {
        var text = "\(interface) message"
        if let header {
            text += " type \(hex(header.messageType)) v\(header.protocolVersion)"
        }
        if let clientID { text += " client \(hex(clientID))" }
        if let channelID { text += " channel \(channelID)" }
        if let streamID { text += " stream \(streamID)" }
        return text + ": \(kind) (error_status \(hex(errorStatusCode)))"
    }
}
