import Foundation

/// Counts wrong API keys per client address (decisions.md §4): an address with more than
/// ``limit`` wrong keys within ``window`` is refused (429) until the window has passed since the
/// failures that put it over, whatever key it sends meanwhile.
public final class WrongKeyThrottle: @unchecked Sendable {
    /// Wrong keys allowed per window.
    public let limit: Int
    /// The window.
    public let window: Duration
    private let lock = NSLock()
    private var failures: [String: [ContinuousClock.Instant]] = [:]
    private var checksSincePrune = 0
    private var failureCount: UInt64 = 0
    private var throttledCount: UInt64 = 0

    /// A throttle allowing `limit` wrong keys per `window`.
    public init(limit: Int = 10, window: Duration = .seconds(60)) {
        self.limit = limit
        self.window = window
    }

    /// Records a wrong key from `address`; answers whether the address is now over the limit.
    public func recordFailure(from address: String, at now: ContinuousClock.Instant) -> Bool {
        lock.withLock {
            var times = recent(address, now)
            times.append(now)
            if times.count > limit + 1 { times.removeFirst(times.count - limit - 1) }
            failures[address] = times
            pruneIfDue(now)
            failureCount += 1
            if times.count > limit { throttledCount += 1 }
            return times.count > limit
        }
    }

    /// Wrong keys seen since start, and how many of them were answered 429 (for metrics).
    public var totals: (wrongKeys: UInt64, throttled: UInt64) { lock.withLock { (failureCount, throttledCount) } }

    /// Whether `address` is over the limit now.
    public func isThrottled(_ address: String, at now: ContinuousClock.Instant) -> Bool {
        lock.withLock { recent(address, now).count > limit }
    }

    private func recent(_ address: String, _ now: ContinuousClock.Instant) -> [ContinuousClock.Instant] {
        (failures[address] ?? []).filter { now - $0 < window }
    }

    private func pruneIfDue(_ now: ContinuousClock.Instant) {
        checksSincePrune += 1
        guard checksSincePrune >= 1000 else { return }
        checksSincePrune = 0
        failures = failures.filter { _, times in times.contains { now - $0 < window } }
    }
}
