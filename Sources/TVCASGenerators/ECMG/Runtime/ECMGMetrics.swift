import CoreMetrics
import Metrics
import SimulCrypt

/// The ECMG's metrics (Prometheus names, decisions.md §6; no card serial or peer address as a
/// label). Created once per daemon, shared by every connection.
public struct ECMGMetrics: Sendable {
    /// ECM_responses sent.
    public let ecmResponses: Counter
    /// Time from a CW_provision's arrival to its ECM_response being written.
    public let ecmResponseTime: Metrics.Timer
    /// SCS connections accepted.
    public let connectionsAccepted: Counter
    /// SCS connections open now.
    public let connectionsOpen: Gauge
    /// CW log rows written to MariaDB.
    public let cwLogWritten: Counter
    /// CW log rows dropped (buffer full while MariaDB was away, or their batch failed).
    public let cwLogDropped: Counter
    /// Database operations that failed (the daemon carries on and retries).
    public let databaseErrors: Counter
    /// 1 while the last database round trip succeeded, else 0.
    public let databaseUp: Gauge
    /// `version` of the row settings in force.
    public let settingsVersion: Gauge
    private let factory: any MetricsFactory

    /// The metrics, registered with `factory` (the process's bootstrapped one by default).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
        ecmResponses = Counter(label: "tvcas_ecm_responses_total", factory: factory)
        ecmResponseTime = Metrics.Timer(label: "tvcas_ecm_response_seconds", factory: factory)
        connectionsAccepted = Counter(label: "tvcas_ecmg_connections_total", factory: factory)
        connectionsOpen = Gauge(label: "tvcas_ecmg_connections", factory: factory)
        cwLogWritten = Counter(label: "tvcas_ecmg_cw_log_written_total", factory: factory)
        cwLogDropped = Counter(label: "tvcas_ecmg_cw_log_dropped_total", factory: factory)
        databaseErrors = Counter(label: "tvcas_ecmg_database_errors_total", factory: factory)
        databaseUp = Gauge(label: "tvcas_ecmg_database_up", factory: factory)
        settingsVersion = Gauge(label: "tvcas_ecmg_settings_version", factory: factory)
    }

    /// Counts a channel_error/stream_error the ECMG sent, by error_status.
    public func countErrorSent(_ status: ECMGErrorStatus) {
        Counter(label: "tvcas_ecmg_errors_sent_total", dimensions: [("status", hex4(status.rawValue))], factory: factory).increment()
    }

    /// Counts an error_status of a channel_error/stream_error the SCS sent.
    public func countErrorReceived(_ status: ECMGErrorStatus) {
        Counter(label: "tvcas_ecmg_errors_received_total", dimensions: [("status", hex4(status.rawValue))], factory: factory).increment()
    }

    /// Counts a connection closed by the ECMG, by reason.
    public func countClosed(_ reason: String) {
        Counter(label: "tvcas_ecmg_connections_closed_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    private func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
