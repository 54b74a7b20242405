import Foundation

/// How often and how patiently a transaction is run again after a deadlock or a lost
/// connection: exponential backoff from `baseDelay`, capped at `maxDelay`, each wait jittered
/// to between half and all of its value.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// Seconds before the second attempt (before jitter).
    public var baseDelay: Double
    /// The longest wait between two attempts, in seconds.
    public var maxDelay: Double

    /// A policy.
    public init(maxAttempts: Int = 8, baseDelay: Double = 0.05, maxDelay: Double = 2.0) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The default: 8 attempts over about five seconds (enough for a server restart or a
    /// Galera node's eviction).
    public static let standard = RetryPolicy()

    /// The wait before attempt `attempt` (2 or more), without jitter.
    public func delay(beforeAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, attempt - 2))
        return min(maxDelay, baseDelay * pow(2, exponent))
    }

    /// Sleeps the jittered wait before attempt `attempt` (on the pool's own thread).
    func wait(beforeAttempt attempt: Int) {
        let seconds = delay(beforeAttempt: attempt) * Double.random(in: 0.5...1.0)
        usleep(UInt32(seconds * 1_000_000))
    }
}
