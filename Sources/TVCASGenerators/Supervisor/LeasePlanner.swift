/// When to take or renew a run lease (decisions.md §3: renewed every 2 s, valid 10 s, taken over
/// by another eligible supervisor once it expired), without the database: it decides from the
/// `tvcas_generator_state` rows just read and the time of this supervisor's last renewal.
public struct LeasePlanner: Sendable {
    /// This supervisor's `[supervise] host`.
    public let host: String
    /// Seconds between renewals of a held lease.
    public let renewSeconds: Double
    /// How long a lease is valid (what ``GeneratorStates/takeLease(_:id:host:seconds:)`` is given).
    public let leaseSeconds: Int
    /// Monotonic time of the last successful take or renewal of each lease held.
    public private(set) var renewedAt: [GeneratorKey: Double] = [:]

    /// A planner for `host`.
    public init(host: String, renewSeconds: Double = 2, leaseSeconds: Int = 10) {
        self.host = host
        self.renewSeconds = renewSeconds
        self.leaseSeconds = leaseSeconds
    }

    /// Whether to run the lease UPDATE for an eligible generator now: a held lease when its
    /// renewal is due (or the row no longer names this host), a free or expired one at once, never
    /// one another host holds and keeps renewing.
    public func shouldTake(_ key: GeneratorKey, state: LeaseRow?, serverNow: UInt32, now: Double) -> Bool {
        guard let state else { return true }
        if state.host == host, let renewed = renewedAt[key] {
            return now - renewed >= renewSeconds
        }
        return state.host.isEmpty || state.host == host || state.leaseUntil < serverNow
    }

    /// Whether this supervisor holds the lease without renewing now (`shouldTake` said no).
    public func holds(_ key: GeneratorKey, state: LeaseRow?) -> Bool {
        renewedAt[key] != nil && state?.host == host
    }

    /// Notes the outcome of a take or renewal.
    public mutating func noteTake(_ key: GeneratorKey, taken: Bool, now: Double) {
        renewedAt[key] = taken ? now : nil
    }

    /// Forgets a lease (released, or its row is gone or not eligible).
    public mutating func forget(_ key: GeneratorKey) {
        renewedAt[key] = nil
    }
}
