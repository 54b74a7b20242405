import Metrics
import SimulCrypt

/// The EMMG's metrics (swift-metrics; served by `--metrics host:port`). No card serial is ever a label.
///
/// - `tvcas_emmg_datagrams_total{kind}` (`cycle` or `change`) and `tvcas_emmg_datagram_bytes_total`:
///   EMMs sent to the MUX and their bytes on the wire.
/// - `tvcas_emmg_cycle_seconds`, `tvcas_emmg_cycle_cards`: the last full cycle (0 until one ends).
/// - `tvcas_emmg_queue_size`: changed cards waiting to go ahead of the cycle.
/// - `tvcas_emmg_mux_connected` (1 while channel and stream are open), `tvcas_emmg_mux_connections_total`
///   (sessions that opened them), `tvcas_emmg_mux_connection_failures_total` (sessions that ended
///   other than by us).
/// - `tvcas_emmg_errors_received_total{status}`: channel_error / stream_error from the MUX, by error_status.
/// - `tvcas_emmg_invalid_cards_total{reason}`, `tvcas_emmg_changes_total`, `tvcas_emmg_database_errors_total`.
enum EMMGMetrics {
    /// Creates the metrics that exist from the start, so a scrape shows them before the first event.
    static func prepare() {
        for kind in ["cycle", "change"] { Counter(label: "tvcas_emmg_datagrams_total", dimensions: [("kind", kind)]).increment(by: 0) }
        Counter(label: "tvcas_emmg_datagram_bytes_total").increment(by: 0)
        Gauge(label: "tvcas_emmg_cycle_seconds").record(0)
        Gauge(label: "tvcas_emmg_cycle_cards").record(0)
        Gauge(label: "tvcas_emmg_queue_size").record(0)
        Gauge(label: "tvcas_emmg_mux_connected").record(0)
        Counter(label: "tvcas_emmg_mux_connections_total").increment(by: 0)
        Counter(label: "tvcas_emmg_mux_connection_failures_total").increment(by: 0)
        Counter(label: "tvcas_emmg_changes_total").increment(by: 0)
        Counter(label: "tvcas_emmg_database_errors_total").increment(by: 0)
    }

    static func datagramSent(bytes: Int, urgent: Bool) {
        Counter(label: "tvcas_emmg_datagrams_total", dimensions: [("kind", urgent ? "change" : "cycle")]).increment()
        Counter(label: "tvcas_emmg_datagram_bytes_total").increment(by: bytes)
    }

    static func invalidCard(reason: String) {
        Counter(label: "tvcas_emmg_invalid_cards_total", dimensions: [("reason", reason)]).increment()
    }

    /// Counts the error_status values of a channel_error / stream_error from the MUX.
    static func peerError(_ statuses: [EMMGErrorStatus]) {
        for status in statuses {
            Counter(label: "tvcas_emmg_errors_received_total", dimensions: [("status", hex4(status.rawValue))]).increment()
        }
    }

    /// Channel and stream are open (true) or the session ended (false).
    static func muxSession(open: Bool) {
        Gauge(label: "tvcas_emmg_mux_connected").record(open ? 1 : 0)
        if open { Counter(label: "tvcas_emmg_mux_connections_total").increment() }
    }

    static func connectionFailed() { Counter(label: "tvcas_emmg_mux_connection_failures_total").increment() }

    static func cycleFinished(seconds: Double, cards: Int) {
        Gauge(label: "tvcas_emmg_cycle_seconds").record(seconds)
        Gauge(label: "tvcas_emmg_cycle_cards").record(cards)
    }

    static func queueSize(_ size: Int) { Gauge(label: "tvcas_emmg_queue_size").record(size) }

    static func changesReceived(_ count: Int) { Counter(label: "tvcas_emmg_changes_total").increment(by: count) }

    static func databaseError() { Counter(label: "tvcas_emmg_database_errors_total").increment() }

    private static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
