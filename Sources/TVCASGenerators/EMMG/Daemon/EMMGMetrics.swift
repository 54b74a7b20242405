import Metrics

/// The EMMG's metrics (swift-metrics; served by `--metrics host:port`). No card serial is ever a label.
enum EMMGMetrics {
    static func datagramSent(bytes: Int, urgent: Bool) {
        Counter(label: "tvcas_emmg_datagrams_total", dimensions: [("kind", urgent ? "change" : "cycle")]).increment()
        Counter(label: "tvcas_emmg_datagram_bytes_total").increment(by: bytes)
    }

    static func invalidCard(reason: String) {
        Counter(label: "tvcas_emmg_invalid_cards_total", dimensions: [("reason", reason)]).increment()
    }

    static func peerError() { Counter(label: "tvcas_emmg_peer_errors_total").increment() }

    static func connectionFailed() { Counter(label: "tvcas_emmg_mux_connection_failures_total").increment() }

    static func cycleFinished(seconds: Double, cards: Int) {
        Gauge(label: "tvcas_emmg_cycle_seconds").record(seconds)
        Gauge(label: "tvcas_emmg_cycle_cards").record(cards)
    }

    static func queueSize(_ size: Int) { Gauge(label: "tvcas_emmg_queue_size").record(size) }

    static func changesReceived(_ count: Int) { Counter(label: "tvcas_emmg_changes_total").increment(by: count) }

    static func databaseError() { Counter(label: "tvcas_emmg_database_errors_total").increment() }
}
