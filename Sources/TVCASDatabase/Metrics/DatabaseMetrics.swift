import CoreMetrics

/// The database layer's metrics, recorded through swift-metrics into whatever backend the
/// process bootstrapped (Prometheus in `tvcas`; nothing in a library user that bootstrapped none).
///
/// - `tvcas_database_errors_total{kind}`: failed statements and connection attempts, by kind:
///   `connect` (no node answered), `connection_lost` (2006, 2013, 1243 …), `deadlock` (1213),
///   `duplicate_key` (1062, also a replayed request id), `server` (any other server error),
///   `client` (a result the code could not read).
/// - `tvcas_database_reconnects_total`: connections opened again after one was lost or closed.
///
/// The metrics are made at each event (errors and reconnects are rare), never cached, so a
/// process that bootstraps its metrics after a pool exists still sees them.
enum DatabaseMetrics {
    /// The `kind` label of `error`.
    static func kind(of error: DatabaseError) -> String {
        if case .connectFailed = error { return "connect" }
        if error.isConnectionLoss { return "connection_lost" }
        if error.isDeadlock { return "deadlock" }
        if error.isDuplicateKey { return "duplicate_key" }
        if case .server = error { return "server" }
        return "client"
    }

    /// Creates the counters at 0, so a scrape shows them before the first error (call after the
    /// process bootstrapped its metrics; every new ``Connection`` does).
    static func prepare() {
        for kind in ["connect", "connection_lost", "deadlock"] {
            Counter(label: "tvcas_database_errors_total", dimensions: [("kind", kind)]).increment(by: 0)
        }
        Counter(label: "tvcas_database_reconnects_total").increment(by: 0)
    }

    /// Counts a failed statement or connection attempt.
    static func recordError(_ error: DatabaseError) {
        Counter(label: "tvcas_database_errors_total", dimensions: [("kind", kind(of: error))]).increment()
    }

    /// Counts a connection opened again after an earlier one of the same ``Connection`` ended.
    static func recordReconnect() {
        Counter(label: "tvcas_database_reconnects_total").increment()
    }
}
