/// The `[web]` table: the FastCGI responder behind nginx that serves the panels and the API.
public struct WebSettings: Hashable, Sendable {
    /// `listen`: where the responder listens for nginx.
    public var listen: ListenAddress
    /// `workers`: FastCGI worker threads.
    public var workers: Int
    /// `session_idle_minutes`: a panel session ends after this long without a request.
    public var sessionIdleMinutes: Int
    /// `upload_max_mb`: the largest CSV upload accepted, in MiB.
    public var uploadMaxMegabytes: Int
    /// `metrics`: where the responder serves Prometheus `/metrics`; `nil` when off (`""`).
    public var metrics: HostPort?
    /// `log_retention_days`: panel log rows older than this are deleted; 0 keeps them all.
    public var logRetentionDays: Int
    /// `secret`: the key of the stateless CSRF tokens, the same on every web host.
    public var secret: String

    /// Settings with the defaults of decisions.md §6 for everything but the secret.
    public init(
        secret: String,
        listen: ListenAddress = .tcp(HostPort(host: "127.0.0.1", port: 9000)),
        workers: Int = 8,
        sessionIdleMinutes: Int = 30,
        uploadMaxMegabytes: Int = 64,
        metrics: HostPort? = nil,
        logRetentionDays: Int = 0
    ) {
        self.secret = secret
        self.listen = listen
        self.workers = workers
        self.sessionIdleMinutes = sessionIdleMinutes
        self.uploadMaxMegabytes = uploadMaxMegabytes
        self.metrics = metrics
        self.logRetentionDays = logRetentionDays
    }
}
