/// The `[supervise]` table: the supervisor that runs the generators.
public struct SuperviseSettings: Hashable, Sendable {
    /// `grace_seconds`: time a stopping generator gets between SIGTERM and SIGKILL.
    public var graceSeconds: Int
    /// `max_backoff_seconds`: the longest wait before restarting a generator that keeps exiting.
    public var maxBackoffSeconds: Int
    /// `host`: this machine's name for the generator rows' `run_on`.
    public var host: String

    /// Settings with the defaults of decisions.md §6.
    public init(graceSeconds: Int = 5, maxBackoffSeconds: Int = 30, host: String) {
        self.graceSeconds = graceSeconds
        self.maxBackoffSeconds = maxBackoffSeconds
        self.host = host
    }

    /// Whether a generator row with this `run_on` (empty = any host; else a comma list of host
    /// names) may run on this host.
    public func mayRun(runOn: String) -> Bool {
        let names = runOn.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return names.isEmpty || names.contains(host)
    }
}
