/// The `[metrics]` table: Prometheus metrics of the supervisor and its generators.
public struct MetricsSettings: Hashable, Sendable {
    /// `listen`: where the supervisor serves `/metrics` and `/targets`; `nil` when off (`""`).
    public var listen: HostPort?
    /// `child_port_base`: the first of the ports the generators serve their metrics on.
    public var childPortBase: Int

    /// Settings with the defaults of decisions.md §6.
    public init(listen: HostPort? = HostPort(host: "127.0.0.1", port: 9464), childPortBase: Int = 9470) {
        self.listen = listen
        self.childPortBase = childPortBase
    }

    /// The metrics port of ECMG `id`: `child_port_base + id`.
    public func ecmgPort(id: Int) -> Int { childPortBase + id }

    /// The metrics port of EMMG `id`: `child_port_base + 5000 + id`.
    public func emmgPort(id: Int) -> Int { childPortBase + 5000 + id }
}
