import CoreMetrics
import Foundation
import Metrics
import Prometheus

/// The process's one Prometheus registry, behind swift-metrics.
///
/// Every process (`tvcas web`, each generator, the supervisor) calls ``bootstrap()`` once at
/// start; code records metrics through swift-metrics (`Counter`, `Timer`, `Gauge`, …) and
/// ``MetricsServer`` serves the registry's text format at `/metrics`.
public enum MetricsSystemBootstrap {
    private static let state = BootstrapState()

    /// Installs a Prometheus factory as the process's metrics backend (once; later calls return
    /// the same registry) and returns its registry.
    @discardableResult
    public static func bootstrap() -> PrometheusCollectorRegistry {
        state.lock.withLock {
            if let registry = state.registry { return registry }
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            factory.defaultDurationHistogramBuckets = [
                .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
                .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            ]
            MetricsSystem.bootstrap(factory)
            state.registry = registry
            return registry
        }
    }
}

private final class BootstrapState: @unchecked Sendable {
    let lock = NSLock()
    var registry: PrometheusCollectorRegistry?
}
