import Foundation
import NIOCore
import SimulCrypt
import Testing

/// Malformed messages become typed errors with the error_status to answer and the ids they name.
@Suite("decoding errors")
struct DecodingErrorTests {
    /// Decodes `hex` as one ECMG⇔SCS message and returns the error it must raise.
    private func ecmgError(_ hex: String) throws -> SimulCryptDecodingError {
        let error = #expect(throws: SimulCryptDecodingError.self) {
            try SimulCryptPDU<ECMGMessage>.decode(exactly: ByteBuffer(hex: hex))
        }
        return try #require(error)
    }

    private func emmgError(_ hex: String) throws -> SimulCryptDecodingError {
        let error = #expect(throws: SimulCryptDecodingError.self) {
            try SimulCryptPDU<EMMGMessage>.decode(exactly: ByteBuffer(hex: hex))
        }
        return try #require(error)
    }

    @Test("protocol version 4 on ECMG⇔SCS is unsupported (status 0x0002)")
    func unsupportedVersion() throws {
        let error = try ecmgError("0400020006000E00020003")
        #expect(error.kind == .unsupportedProtocolVersion(4))
        #expect(error.ecmgErrorStatus == .unsupportedProtocolVersion)
        #expect(error.channelID == 3)
        #expect(try emmgError("000012000E000100040B000001000300020001").kind == .unsupportedProtocolVersion(0))
    }

    @Test("EMMG⇔MUX accepts versions 1 to 5 and refuses 6")
    func emmgVersions() throws {
        for version in 1...5 {
            let hex = String(format: "%02X", version) + "0012000E000100040B000001000300020001"
            #expect(throws: Never.self) { try SimulCryptPDU<EMMGMessage>.decode(exactly: ByteBuffer(hex: hex)) }
        }
        #expect(try emmgError("060012000E000100040B000001000300020001").emmgErrorStatus == .unsupportedProtocolVersion)
    }

    @Test("sc-198: unknown message type 0x0099 (status 0x0003)")
    func unknownMessageType() throws {
        let error = try ecmgError("0200990000")
        #expect(error.kind == .unknownMessageType(0x0099))
        #expect(error.ecmgErrorStatus == .unknownMessageType)
        // An EMMG⇔MUX type on the ECMG⇔SCS interface is unknown there too.
        #expect(try ecmgError("020012000E000100040B000001000300020001").kind == .unknownMessageType(0x0012))
    }

    @Test("sc-196: a user-defined parameter type is unknown (status 0x000E / 0x000A)")
    func userDefinedParameter() throws {
        let error = try ecmgError("030003002B000E0002117000030002FFFF000400028000000200010100010004FFFFFFFF7001000361626380010001FF")
        #expect(error.kind == .unknownParameterType(0x8001))
        #expect(error.ecmgErrorStatus == .unknownParameterType)
        #expect(error.channelID == 0x1170)
        let emmg = try emmgError("0200120013000100040B0000010003000200018001000100")
        #expect(emmg.kind == .unknownParameterType(0x8001))
        #expect(emmg.emmgErrorStatus == .unknownParameterType)
        #expect(emmg.clientID == 0x0B00_0001)
        #expect(emmg.channelID == 1)
    }

    @Test("sc-197: trailing bytes that are no parameter make the message invalid (status 0x0001)")
    func trailingBytes() throws {
        let error = try ecmgError("0200030013000E00020005000E0002000600630001090102")
        #expect(error.kind == .truncatedParameterHeader(remainingBytes: 2))
        #expect(error.ecmgErrorStatus == .invalidMessage)
    }

    @Test("a repeated single parameter is refused (status 0x0001)")
    func repeatedParameter() throws {
        let error = try ecmgError("020002000C" + "000E00020005000E00020006")
        #expect(error.kind == .repeatedParameter(parameterType: 0x000E))
        #expect(error.ecmgErrorStatus == .invalidMessage)
    }

    @Test("a parameter running past the message is refused")
    func parameterPastEnd() throws {
        let error = try ecmgError("0200020006000E00030005")
        #expect(error.kind == .parameterExceedsMessage(parameterType: 0x000E, length: 3, remainingBytes: 2))
    }

    @Test("a parameter of the wrong width is an inconsistent length (status 0x000F / 0x000B)")
    func wrongWidth() throws {
        let error = try ecmgError("0300020007000E0003000005")
        #expect(error.kind == .inconsistentParameterLength(parameterType: 0x000E, length: 3))
        #expect(error.ecmgErrorStatus == .inconsistentLengthForDVBParameter)
        #expect(error.channelID == nil)
        let emmg = try emmgError("020012000D000100030B0000000300020001")
        #expect(emmg.kind == .inconsistentParameterLength(parameterType: 0x0001, length: 3))
        #expect(emmg.emmgErrorStatus == .inconsistentLengthForDVBParameter)
    }

    @Test("version 1 CP_CW_combination must be 10 bytes; later versions take any CW")
    func cpCWLengthByVersion() throws {
        let sixteenByteCW = "00140012000200112233445566778899AABBCCDDEEFF"
        let body = "000E00020004000F00020064001200020002" + sixteenByteCW
        let length = String(format: "%04X", body.count / 2)
        let error = try ecmgError("010201" + length + body)
        #expect(error.kind == .inconsistentParameterLength(parameterType: 0x0014, length: 18))
        #expect(error.channelID == 4)
        #expect(error.streamID == 100)
        let decoded = try SimulCryptPDU<ECMGMessage>.decode(exactly: ByteBuffer(hex: "030201" + length + body))
        guard case .cwProvision(let provision) = decoded.message else {
            Issue.record("not a CW_provision")
            return
        }
        #expect(provision.cpCWCombinations.first?.controlWord.readableBytes == 16)
    }

    @Test("a missing mandatory parameter names it (status 0x0010 / 0x000C), with the stream it concerns")
    func missingParameter() throws {
        // CW_provision without CP_CW_combination.
        let error = try ecmgError("030201" + "0012" + "000E00020004000F0002006400120002000A")
        #expect(error.kind == .missingMandatoryParameter(parameterType: 0x0014))
        #expect(error.ecmgErrorStatus == .missingMandatoryDVBParameter)
        #expect(error.channelID == 4)
        #expect(error.streamID == 100)
        let reply = ECMGMessage(errorReplyTo: error, channelID: 9)
        #expect(reply == .streamError(.init(channelID: 4, streamID: 100, errorStatus: .missingMandatoryDVBParameter)))
        // EMMG stream_setup version 2 without data_id.
        let emmg = try emmgError("0201110019000100040B0000010003000200010004000200020007000100")
        #expect(emmg.kind == .missingMandatoryParameter(parameterType: 0x0008))
        #expect(emmg.emmgErrorStatus == .missingMandatoryDVBParameter)
        #expect(emmg.streamID == 2)
    }

    @Test("a catalogue parameter the message does not carry is refused")
    func parameterNotAllowed() throws {
        // channel_test carrying super_CAS_id.
        let error = try ecmgError("030002000E000E00020004000100040B000000")
        #expect(error.kind == .parameterNotAllowed(parameterType: 0x0001))
        #expect(error.ecmgErrorStatus == .unknownParameterType)
        let reply = ECMGMessage(errorReplyTo: error, channelID: 9)
        #expect(reply == .channelError(.init(channelID: 4, errorStatus: .unknownParameterType)))
    }

    @Test("flags outside their values are invalid (status 0x0011 / 0x000D)")
    func invalidFlag() throws {
        let error = try ecmgError("0301030011000E00020004000F00020064001100010" + "2")
        #expect(error.kind == .invalidParameterValue(parameterType: 0x0011, value: 2))
        #expect(error.ecmgErrorStatus == .invalidValueForDVBParameter)
        // section_TSpkt_flag 2 (IP) only from EMMG⇔MUX version 5.
        let emmg = try emmgError("0400110013000100040B0000010003000200010002000102")
        #expect(emmg.kind == .invalidParameterValue(parameterType: 0x0002, value: 2))
        #expect(emmg.emmgErrorStatus == .invalidValueForDVBParameter)
        let reply = EMMGMessage(errorReplyTo: emmg, clientID: 7, channelID: 9)
        #expect(reply == .channelError(.init(clientID: 0x0B00_0001, channelID: 1, errorStatus: .invalidValueForDVBParameter)))
        #expect(throws: Never.self) {
            try SimulCryptPDU<EMMGMessage>.decode(exactly: ByteBuffer(hex: "0500110013000100040B0000010003000200010002000102"))
        }
    }

    @Test("bytes that are not exactly one message are an inconsistent length")
    func inconsistentLength() throws {
        #expect(try ecmgError("0200020006000E000200").kind == .inconsistentMessageLength(announced: 11, available: 10))
        #expect(try ecmgError("0200").kind == .inconsistentMessageLength(announced: 5, available: 2))
        #expect(try ecmgError("0200020006000E0002000300").kind == .inconsistentMessageLength(announced: 11, available: 12))
    }

    @Test("the error's description says what, where and which status")
    func description() throws {
        let error = try ecmgError("0300020007000E0003000005")
        #expect(error.description.contains("0x0002"))
        #expect(error.description.contains("error_status 0x000F"))
    }
}
