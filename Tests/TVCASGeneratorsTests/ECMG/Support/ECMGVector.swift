import Foundation
import TVCASTesting
import Testing

/// An SCS→ECMG case of `simulcrypt.json` with the original's reply.
struct ECMGVector: Decodable, CustomTestStringConvertible, Sendable {
    struct Config: Decodable, Sendable {
        var key: String
        var packetMode: UInt8
        var delayStart: Int16
        var delayStop: Int16
        var transitionDelayStart: Int16
        var transitionDelayStop: Int16
        var repetitionPeriod: UInt16
        var minCPDuration: UInt16
        var maxComputeTime: UInt16
        var acDelayStart: Int16
        var acDelayStop: Int16

        enum CodingKeys: String, CodingKey {
            case key
            case packetMode = "packet_mode"
            case delayStart = "delay_start"
            case delayStop = "delay_stop"
            case transitionDelayStart = "transition_delay_start"
            case transitionDelayStop = "transition_delay_stop"
            case repetitionPeriod = "repetition_period"
            case minCPDuration = "min_cp_duration"
            case maxComputeTime = "max_compute_time"
            case acDelayStart = "ac_delay_start"
            case acDelayStop = "ac_delay_stop"
        }
    }

    var id: String
    var description: String
    var direction: String?
    var protocolVersion: UInt8
    var messageType: UInt16
    var pduHex: String
    var ecmgConfig: Config
    var time: UInt32
    var replyPDUHex: String?
    var ecmFillerHex: String?

    var testDescription: String { "\(id) v\(protocolVersion) \(description) packet_mode \(ecmgConfig.packetMode)" }

    enum CodingKeys: String, CodingKey {
        case id, description, direction, time
        case protocolVersion = "protocol_version"
        case messageType = "message_type"
        case pduHex = "pdu_hex"
        case ecmgConfig = "ecmg_config"
        case replyPDUHex = "reply_pdu_hex"
        case ecmFillerHex = "ecm_filler_hex"
    }

    /// Every SCS→ECMG request case.
    static let all: [ECMGVector] = {
        struct Probe: Decodable { var direction: String? }
        guard let data = try? GoldenVectors.data("simulcrypt.json"),
            let raw = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return raw.compactMap { item in
            guard (item["direction"] as? String)?.hasPrefix("SCS->ECMG") == true,
                let json = try? JSONSerialization.data(withJSONObject: item)
            else { return nil }
            return try? JSONDecoder().decode(ECMGVector.self, from: json)
        }
    }()
}
