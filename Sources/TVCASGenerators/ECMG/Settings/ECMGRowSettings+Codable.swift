import SimulCrypt
import TVCASCore

/// The saved copy of an ECMG's row (decisions.md §3) is this JSON: the row's columns by their
/// database names, the key as its text.
extension ECMGRowSettings: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, version, host, port
        case packetMode = "packet_mode"
        case timeout
        case delayStart = "delay_start"
        case delayStop = "delay_stop"
        case transitionDelayStart = "transition_delay_start"
        case transitionDelayStop = "transition_delay_stop"
        case acDelayStart = "ac_delay_start"
        case acDelayStop = "ac_delay_stop"
        case repetitionPeriod = "repetition_period"
        case minCPDuration = "min_cp_duration"
        case maxComputeTime = "max_compute_time"
        case key
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let keyText = try values.decode(String.self, forKey: .key)
        let flag = try values.decode(UInt8.self, forKey: .packetMode)
        guard let key = try? ECMKey(hex: keyText) else {
            throw DecodingError.dataCorruptedError(forKey: .key, in: values, debugDescription: "not 64 hex digits")
        }
        guard flag <= 1, let packetMode = SectionTSpktFlag(rawValue: flag) else {
            throw DecodingError.dataCorruptedError(forKey: .packetMode, in: values, debugDescription: "neither 0 nor 1")
        }
        self.init(
            id: try values.decode(UInt32.self, forKey: .id), version: try values.decode(UInt32.self, forKey: .version),
            host: try values.decode(UInt32.self, forKey: .host), port: try values.decode(UInt16.self, forKey: .port),
            packetMode: packetMode, timeout: try values.decode(UInt16.self, forKey: .timeout),
            delayStart: try values.decode(Int16.self, forKey: .delayStart),
            delayStop: try values.decode(Int16.self, forKey: .delayStop),
            transitionDelayStart: try values.decode(Int16.self, forKey: .transitionDelayStart),
            transitionDelayStop: try values.decode(Int16.self, forKey: .transitionDelayStop),
            acDelayStart: try values.decode(Int16.self, forKey: .acDelayStart),
            acDelayStop: try values.decode(Int16.self, forKey: .acDelayStop),
            repetitionPeriod: try values.decode(UInt16.self, forKey: .repetitionPeriod),
            minCPDuration: try values.decode(UInt16.self, forKey: .minCPDuration),
            maxComputeTime: try values.decode(UInt16.self, forKey: .maxComputeTime), key: key)
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(id, forKey: .id)
        try values.encode(version, forKey: .version)
        try values.encode(host, forKey: .host)
        try values.encode(port, forKey: .port)
        try values.encode(packetMode.rawValue, forKey: .packetMode)
        try values.encode(timeout, forKey: .timeout)
        try values.encode(delayStart, forKey: .delayStart)
        try values.encode(delayStop, forKey: .delayStop)
        try values.encode(transitionDelayStart, forKey: .transitionDelayStart)
        try values.encode(transitionDelayStop, forKey: .transitionDelayStop)
        try values.encode(acDelayStart, forKey: .acDelayStart)
        try values.encode(acDelayStop, forKey: .acDelayStop)
        try values.encode(repetitionPeriod, forKey: .repetitionPeriod)
        try values.encode(minCPDuration, forKey: .minCPDuration)
        try values.encode(maxComputeTime, forKey: .maxComputeTime)
        try values.encode(key.text, forKey: .key)
    }
}
