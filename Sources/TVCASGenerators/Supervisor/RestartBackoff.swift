/// The wait before restarting a child that died: none for the first death after a stable run,
/// then 1, 2, 4, … seconds for each further quick death, capped at `max_backoff_seconds`.
public struct RestartBackoff: Hashable, Sendable {
    /// The cap (`[supervise] max_backoff_seconds`).
    public var maximumSeconds: Int
    /// A child that ran at least this long before dying counts as stable: its failures reset.
    public var stableSeconds: Double

    /// A backoff policy.
    public init(maximumSeconds: Int, stableSeconds: Double = 10) {
        self.maximumSeconds = max(0, maximumSeconds)
        self.stableSeconds = stableSeconds
    }

    /// The wait in seconds before the next start, given the quick deaths before this one.
    public func delay(afterFailures failures: Int) -> Int {
        guard failures > 0 else { return 0 }
        let exponent = min(failures - 1, 30)
        return min(maximumSeconds, 1 << exponent)
    }

    /// The failure count after a child that ran `ranSeconds` died, given the count before.
    public func failures(after previous: Int, ranSeconds: Double) -> Int {
        ranSeconds >= stableSeconds ? 0 : previous
    }
}
