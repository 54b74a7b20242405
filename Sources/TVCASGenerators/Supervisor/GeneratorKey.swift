import TVCASDatabase

/// One generator the supervisor may run: its kind and row id (`ECMG_3`, `EMMG_12`).
public struct GeneratorKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// `ecmg` or `emmg`.
    public var kind: GeneratorState.Kind
    /// The row id in `tvcas_ecmg` or `tvcas_emmg`.
    public var id: UInt32

    /// A key.
    public init(_ kind: GeneratorState.Kind, _ id: UInt32) {
        self.kind = kind
        self.id = id
    }

    /// The name the logs use: `ECMG_<id>` or `EMMG_<id>`.
    public var description: String { "\(kind.rawValue.uppercased())_\(id)" }

    /// The `tvcas` subcommand that runs it.
    public var subcommand: String { kind.rawValue }

    public static func < (lhs: GeneratorKey, rhs: GeneratorKey) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }

    enum CodingKeys: String, CodingKey { case kind, id }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .kind)
        guard let kind = GeneratorState.Kind(rawValue: text) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "not ecmg or emmg: \(text)")
        }
        self.kind = kind
        self.id = try container.decode(UInt32.self, forKey: .id)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encode(id, forKey: .id)
    }
}
