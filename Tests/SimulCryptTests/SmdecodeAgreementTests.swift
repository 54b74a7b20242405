import Foundation
import NIOCore
import SimulCrypt
import TVCASTesting
import Testing

/// PyPI `simulcrypt`'s `smdecode` (a third-party decoder) reads the same messages out of the
/// vectors as our decoder does.
@Suite("agreement with smdecode")
struct SmdecodeAgreementTests {
    /// One message as smdecode prints it with `-j`.
    struct Decoded: Decodable {
        struct Parameter: Decodable {
            var type: Int
            var bytes: String
        }

        var version: Int
        var messageType: Int
        var messageError: String?
        var parameterLoop: [Parameter]

        enum CodingKeys: String, CodingKey {
            case version
            case messageType = "message_type"
            case messageError = "message_error"
            case parameterLoop = "parameter_loop"
        }
    }

    /// A parameter as (type, lower-case hex), the form both sides are compared in.
    struct Parameter: Hashable, Comparable {
        var type: Int
        var hex: String

        static func < (a: Parameter, b: Parameter) -> Bool { (a.type, a.hex) < (b.type, b.hex) }
    }

    /// Our reading of one message: header fields and the parameters of its re-encoding.
    private func ours(_ bytes: ByteBuffer) throws -> (version: Int, type: Int, parameters: [Parameter]) {
        let header = try #require(SimulCryptMessageHeader(peekingAt: bytes))
        var encoded: ByteBuffer
        switch SimulCryptInterface.of(messageType: header.messageType) {
        case .ecmgSCS: encoded = try SimulCryptPDU<ECMGMessage>.decode(exactly: bytes).encoded()
        case .emmgMUX: encoded = try SimulCryptPDU<EMMGMessage>.decode(exactly: bytes).encoded()
        case nil: throw SimulCryptDecodingError(.unknownMessageType(header.messageType), interface: .ecmgSCS)
        }
        encoded.moveReaderIndex(forwardBy: SimulCryptMessageHeader.byteCount)
        var parameters: [Parameter] = []
        while encoded.readableBytes > 0 {
            let type = encoded.readInteger(as: UInt16.self)!
            let length = encoded.readInteger(as: UInt16.self)!
            parameters.append(Parameter(type: Int(type), hex: encoded.readSlice(length: Int(length))!.hex.lowercased()))
        }
        return (Int(header.protocolVersion), Int(header.messageType), parameters.sorted())
    }

    @Test("every binding message and reply: same version, type and parameters")
    func agreement() throws {
        let messages = SimulCryptVector.binding.flatMap { vector in
            [(vector.id, vector.pduHex!)] + (vector.replyPDUHex.map { [(vector.id + " reply", $0)] } ?? [])
        }
        let result = try Subprocess.check("smdecode", ["-j", messages.map(\.1).joined()])
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == messages.count)
        var disagreements: [String] = []
        for ((id, hex), line) in zip(messages, lines) {
            let theirs = try JSONDecoder().decode(Decoded.self, from: Data(line.utf8))
            let mine = try ours(ByteBuffer(hex: hex))
            #expect(theirs.version == mine.version, "\(id)")
            #expect(theirs.messageType == mine.type, "\(id)")
            let theirParameters = theirs.parameterLoop.map { Parameter(type: $0.type, hex: $0.bytes.lowercased()) }.sorted()
            #expect(theirParameters == mine.parameters, "\(id)")
            if let error = theirs.messageError { disagreements.append("\(id): \(error)") }
        }
        // smdecode applies the standard's per-version tables; the original (and so the binding
        // vectors) sent ECM_id and data_id on version 1 and left ECM_id out on versions 2–3.
        // Our decoder accepts those on purpose; nothing else may differ.
        for disagreement in disagreements {
            let expected =
                (disagreement.contains("(ECM_id) not allowed") || disagreement.contains("(data_id) not allowed")
                    || disagreement.contains("(ECM_id) missing"))
            #expect(expected, "\(disagreement)")
        }
        if SimulCryptVector.all.count == 139 { #expect(disagreements.count == 23) }
    }
}
