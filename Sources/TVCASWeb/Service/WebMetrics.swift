import CoreMetrics
import Dispatch

/// The web responder's metrics (Prometheus names; never a card serial, an address or a user as
/// a label), served by `tvcas web` on `[web] metrics`:
///
/// - `tvcas_web_requests_total{route, status}` and `tvcas_web_request_seconds{route}`: every
///   request, by the route it matched (`/api.php`, `/cas/`, …, or `other`) and HTTP status.
/// - `tvcas_api_requests_total{result}` and `tvcas_api_request_seconds`: billing API requests by
///   result (`OK`, or the answer's token such as `NOT_VALID_API_KEY`, `SMARDCARD_NOT_FOUND`,
///   `ERROR` for an internal failure); the time is the work, not the 3 s wrong-key delay.
/// - `tvcas_panel_logins_total{panel}`: form logins that opened a session.
/// - `tvcas_panel_login_failures_total{panel}`: wrong credentials, by form or HTTP Basic.
public struct WebMetrics: Sendable {
    private let factory: any MetricsFactory

    /// Metrics recorded with `factory` (the process's bootstrapped one by default; make them
    /// after bootstrapping).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// Creates the login counters of both panels at 0, so a scrape shows them before the first login.
    public func prepare() {
        for panel in ["admin", "oper"] {
            Counter(label: "tvcas_panel_logins_total", dimensions: [("panel", panel)], factory: factory).increment(by: 0)
            Counter(label: "tvcas_panel_login_failures_total", dimensions: [("panel", panel)], factory: factory).increment(by: 0)
        }
    }

    /// Nanoseconds on the monotonic clock, for ``record(route:status:since:)`` and friends.
    public static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Records a request that matched `route` and was answered with `status`.
    public func record(route: String, status: Int, since start: UInt64) {
        Counter(label: "tvcas_web_requests_total", dimensions: [("route", route), ("status", "\(status)")], factory: factory).increment()
        Timer(label: "tvcas_web_request_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(Int64(truncatingIfNeeded: Self.now() &- start))
    }

    /// Records a billing API request answered with `result`.
    public func recordAPI(result: String, since start: UInt64) {
        Counter(label: "tvcas_api_requests_total", dimensions: [("result", result)], factory: factory).increment()
        Timer(label: "tvcas_api_request_seconds", factory: factory).recordNanoseconds(Int64(truncatingIfNeeded: Self.now() &- start))
    }

    /// Records a login to `panel` (`admin` or `oper`) that succeeded (a session) or failed.
    public func recordLogin(panel: String, succeeded: Bool) {
        let label = succeeded ? "tvcas_panel_logins_total" : "tvcas_panel_login_failures_total"
        Counter(label: label, dimensions: [("panel", panel)], factory: factory).increment()
    }
}
