import Foundation
import TVCASConfig

/// The children's metrics endpoints in Prometheus's HTTP service-discovery format
/// (`[{"targets": ["127.0.0.1:9471"], "labels": {…}}]`), served at `/targets`.
public struct ScrapeTargets: Sendable, Hashable {
    /// The generators whose endpoints are listed.
    public var keys: [GeneratorKey]
    /// The ports (from `[metrics] child_port_base`).
    public var metrics: MetricsSettings
    /// This supervisor's host, as a label.
    public var host: String

    /// The list for `keys`.
    public init(keys: [GeneratorKey], metrics: MetricsSettings, host: String) {
        self.keys = keys.sorted()
        self.metrics = metrics
        self.host = host
    }

    /// The metrics port a generator is given.
    public static func port(of key: GeneratorKey, metrics: MetricsSettings) -> Int {
        switch key.kind {
        case .ecmg: metrics.ecmgPort(id: Int(key.id))
        case .emmg: metrics.emmgPort(id: Int(key.id))
        }
    }

    private struct Group: Encodable {
        var targets: [String]
        var labels: [String: String]
    }

    /// The JSON body.
    public var json: [UInt8] {
        let groups = keys.map { key in
            Group(
                targets: ["127.0.0.1:\(Self.port(of: key, metrics: metrics))"],
                labels: ["job": "tvcas_\(key.kind.rawValue)", "generator": key.description, "tvcas_host": host])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(groups)) ?? Data("[]".utf8))
    }
}
