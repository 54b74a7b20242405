import Metrics
import TVCASMetrics
import TVCASTesting
import Testing

@Suite("The metrics endpoint")
struct MetricsServerTests {
    @Test("serves the registry at /metrics and extra routes, 404 elsewhere")
    func serves() async throws {
        let registry = MetricsSystemBootstrap.bootstrap()
        Counter(label: "tvcas_test_events_total").increment(by: 3)
        let server = try await MetricsServer.start(
            address: "127.0.0.1:0", registry: registry,
            routes: ["/targets": { ("application/json", Array("[]".utf8)) }])
        let port = server.localAddress.port!
        let metrics = try Subprocess.check("curl", ["-sS", "http://127.0.0.1:\(port)/metrics"]).output
        #expect(metrics.contains("tvcas_test_events_total 3"))
        let targets = try Subprocess.check("curl", ["-sS", "http://127.0.0.1:\(port)/targets"]).output
        #expect(targets == "[]")
        let missing = try Subprocess.check("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/nope"]).output
        #expect(missing == "404")
        await server.stop()
    }

    @Test("the blocking start and stop, for threads outside Swift concurrency (tvcas web)")
    func blocking() throws {
        let registry = MetricsSystemBootstrap.bootstrap()
        Counter(label: "tvcas_test_blocking_total").increment()
        let server = try MetricsServer.startBlocking(address: "127.0.0.1:0", registry: registry)
        let port = server.localAddress.port!
        let metrics = try Subprocess.check("curl", ["-sS", "http://127.0.0.1:\(port)/metrics"]).output
        #expect(metrics.contains("tvcas_test_blocking_total 1"))
        server.stopBlocking()
        #expect(try Subprocess.run("curl", ["-sS", "http://127.0.0.1:\(port)/metrics"]).status != 0)
        #expect(throws: MetricsServerError.self) { _ = try MetricsServer.startBlocking(address: "nowhere", registry: registry) }
    }

    @Test("a malformed address is a clear error")
    func badAddress() async {
        await #expect(throws: MetricsServerError.self) {
            _ = try await MetricsServer.start(address: "nowhere", registry: MetricsSystemBootstrap.bootstrap())
        }
    }
}
