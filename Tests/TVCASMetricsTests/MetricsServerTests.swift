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

    @Test("a malformed address is a clear error")
    func badAddress() async {
        await #expect(throws: MetricsServerError.self) {
            _ = try await MetricsServer.start(address: "nowhere", registry: MetricsSystemBootstrap.bootstrap())
        }
    }
}
