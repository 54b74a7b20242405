import Logging
import TVCASConfig
import TVCASDatabase
import TVCASMetrics

/// `tvcas web`: the FastCGI responder with TVCAS's routes, set up from the configuration.
public struct WebService: Sendable {
    /// The responder.
    public let server: FastCGIServer
    /// `[web] metrics`: where `/metrics` is served while ``run()`` runs; nil when off.
    public var metricsAddress: HostPort?
    /// Where the log retention connects, and for how many days (none for the trivial responder).
    private var retention: (settings: DatabaseSettings, policy: LogRetention)?
    private let logger: Logger

    /// Builds the routes and the responder from `configuration` (`[web] listen`, `workers`,
    /// `upload_max_mb`, `api_key`, the database keys, the panels' passwords and `[web] secret`).
    public init(configuration: Configuration, logger: Logger) throws {
        MetricsSystemBootstrap.bootstrap()
        WebMetrics().prepare()
        metricsAddress = configuration.web.metrics
        self.logger = logger
        let settings = DatabaseSettings(configuration.database)
        var routes = Self.router(apiKey: configuration.apiKey, store: DatabaseBillingCardStore(settings: settings), logger: logger)
        try PanelController(configuration: configuration, logger: logger).mount(on: &routes)
        let router = routes
        let serverConfiguration = FastCGIServer.Configuration(
            listen: try FastCGIListenAddress(configuration.web.listen.description),
            workers: configuration.web.workers,
            maxBodyBytes: configuration.web.uploadMaxMegabytes << 20
        )
        server = FastCGIServer(configuration: serverConfiguration, logger: logger) { router.respond(to: $0) }
        retention = (settings, LogRetention(days: configuration.web.logRetentionDays))
    }

    private init(server: FastCGIServer, metricsAddress: HostPort?, logger: Logger) {
        self.server = server
        self.metricsAddress = metricsAddress
        self.logger = logger
    }

    /// The same responder answering every request with a fixed 2-byte body and no database: the
    /// ceiling the benchmark compares the API with (`tvcas web --benchmark-trivial`, hidden).
    public static func trivial(configuration: Configuration, logger: Logger) throws -> WebService {
        let serverConfiguration = FastCGIServer.Configuration(
            listen: try FastCGIListenAddress(configuration.web.listen.description), workers: configuration.web.workers)
        let body: [UInt8] = Array("ok".utf8)
        return WebService(
            server: FastCGIServer(configuration: serverConfiguration, logger: logger) { _ in
                Response(status: .ok, headers: [.init(name: "Content-Type", value: "text/plain")], body: .bytes(body))
            }, metricsAddress: nil, logger: logger)
    }

    /// The route table: `/api.php` (the billing API).
    public static func router(apiKey: String, store: any BillingCardStore, logger: Logger) -> Router {
        var router = Router(logger: logger)
        let api = BillingAPI(apiKey: apiKey, store: store, logger: logger)
        router.add("/api.php") { try api.respond(to: $0) }
        return router
    }

    /// Serves until `SIGTERM` or `SIGINT`, then finishes the requests in flight and returns;
    /// meanwhile serves the process's Prometheus `/metrics` on ``metricsAddress``.
    public func run() throws {
        let task = retention.flatMap { $0.policy.startBackground(settings: $0.settings, logger: logger) }
        defer { task?.stop() }
        var metricsServer: MetricsServer?
        if let metricsAddress {
            metricsServer = try MetricsServer.startBlocking(address: metricsAddress.description, registry: MetricsSystemBootstrap.bootstrap())
            logger.info("metrics", metadata: ["address": "\(metricsAddress)"])
        }
        defer { metricsServer?.stopBlocking() }
        try server.run()
    }
}
