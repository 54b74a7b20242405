import Foundation
import NIOCore
import TVCASTesting
import Testing

/// One case of `simulcrypt.json`, with the fields these tests use.
struct SimulCryptVector: Decodable, CustomTestStringConvertible {
    var id: String
    var kind: String
    var direction: String?
    var description: String?
    var protocolVersion: Int?
    var messageType: Int?
    /// `nil` where the file records `false` (the original refused to encode).
    var pduHex: String?
    var replyPDUHex: String?
    var replyMessageType: Int?
    var ecmgConfig: [String: Int]?
    var emmgConfig: [String: Int]?

    var testDescription: String { "\(id) \(description ?? "")" }

    enum CodingKeys: String, CodingKey {
        case id, kind, direction, description
        case protocolVersion = "protocol_version"
        case messageType = "message_type"
        case pduHex = "pdu_hex"
        case replyPDUHex = "reply_pdu_hex"
        case replyMessageType = "reply_message_type"
        case ecmgConfig = "ecmg_config"
        case emmgConfig = "emmg_config"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(String.self, forKey: .kind)
        direction = try container.decodeIfPresent(String.self, forKey: .direction)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        protocolVersion = try container.decodeIfPresent(Int.self, forKey: .protocolVersion)
        messageType = try container.decodeIfPresent(Int.self, forKey: .messageType)
        pduHex = try? container.decodeIfPresent(String.self, forKey: .pduHex)
        replyPDUHex = try container.decodeIfPresent(String.self, forKey: .replyPDUHex)
        replyMessageType = try container.decodeIfPresent(Int.self, forKey: .replyMessageType)
        // ecmg_config holds the key as text; keep only the integers.
        if let config = try? container.decodeIfPresent([String: IntOrText].self, forKey: .ecmgConfig) {
            ecmgConfig = config.compactMapValues(\.int)
        }
        emmgConfig = try container.decodeIfPresent([String: Int].self, forKey: .emmgConfig)
    }

    /// Whether the case records one of the original's lax codec edge cases (an encoder or
    /// decoder edge, a refused encode or decode), which decisions.md §2 makes non-binding:
    /// sc-195 to sc-198 in the public set.
    var isCodecEdgeCase: Bool {
        kind != "encode+decode" || direction == "encoder edge" || direction == "decoder edge"
    }

    /// Every case of the file (`$TVCAS_VECTOR_DIR` selects another set, e.g. the held-out one).
    static let all: [SimulCryptVector] = (try? GoldenVectors.cases(SimulCryptVector.self, from: "simulcrypt.json")) ?? []

    /// The cases whose bytes our codec must reproduce.
    static var binding: [SimulCryptVector] { all.filter { !$0.isCodecEdgeCase && $0.pduHex != nil } }

    var pdu: ByteBuffer { ByteBuffer(hex: pduHex!) }
    var reply: ByteBuffer? { replyPDUHex.map { ByteBuffer(hex: $0) } }
}

/// A JSON value that is an integer or some text.
private enum IntOrText: Decodable {
    case int(Int)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }
}
