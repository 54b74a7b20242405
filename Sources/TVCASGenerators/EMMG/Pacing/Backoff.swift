/// Capped exponential backoff with jitter, for reconnecting to the MUX and to MariaDB.
public struct Backoff: Sendable, Equatable {
    /// The first delay, seconds.
    public var base: Double
    /// The largest delay, seconds.
    public var cap: Double
    /// Failures since the last success.
    public private(set) var failures = 0

    /// Backoff from `base` doubling up to `cap`.
    public init(base: Double = 0.5, cap: Double = 30) {
        self.base = base
        self.cap = cap
    }

    /// The delay before the next attempt, counting one more failure: a random value in
    /// [d/2, d] where d = min(cap, base·2^(failures−1)); `random` gives a number in [0, 1].
    public mutating func nextDelay(random: () -> Double = { Double.random(in: 0...1) }) -> Double {
        failures += 1
        let ceiling = min(cap, base * Double(1 << min(failures - 1, 30)))
        return ceiling / 2 + ceiling / 2 * min(1, max(0, random()))
    }

    /// Starts over after a success.
    public mutating func reset() { failures = 0 }
}
