/// A token bucket that paces datagram bytes to a bandwidth: never faster than the rate, with a
/// burst of at most `capacity` bytes after a pause.
///
/// Time is plain seconds on a monotonic clock passed in by the caller, so the bucket is tested
/// with a mock clock.
public struct TokenBucket: Sendable, Equatable {
    /// Bytes per second.
    public private(set) var bytesPerSecond: Double
    /// The most bytes that may go out back to back.
    public private(set) var capacity: Double
    /// Bytes that may go out now.
    public private(set) var tokens: Double
    /// When ``tokens`` was last brought up to date.
    public private(set) var updatedAt: Double

    /// A bucket for `kilobitsPerSecond` (kbit/s, 1000 bits) holding `capacity` bytes, full at `now`.
    public init(kilobitsPerSecond: Int, capacity: Int, now: Double) {
        bytesPerSecond = Self.bytesPerSecond(kilobitsPerSecond: kilobitsPerSecond)
        self.capacity = Double(max(1, capacity))
        tokens = self.capacity
        updatedAt = now
    }

    /// kbit/s as bytes per second (at least one byte per second).
    public static func bytesPerSecond(kilobitsPerSecond: Int) -> Double {
        max(1, Double(kilobitsPerSecond) * 1000 / 8)
    }

    /// Changes the rate from `now` on (a stream_BW_allocation arrived); tokens earned so far stay.
    public mutating func setRate(kilobitsPerSecond: Int, now: Double) {
        refill(now: now)
        bytesPerSecond = Self.bytesPerSecond(kilobitsPerSecond: kilobitsPerSecond)
    }

    /// Seconds from `now` until `bytes` may be sent (0 when they may go at once).
    public mutating func delay(before bytes: Int, now: Double) -> Double {
        refill(now: now)
        let missing = Double(bytes) - tokens
        return missing <= 0 ? 0 : missing / bytesPerSecond
    }

    /// Takes `bytes` out of the bucket at `now` (the caller waited ``delay(before:now:)`` first).
    public mutating func consume(_ bytes: Int, now: Double) {
        refill(now: now)
        tokens -= Double(bytes)
    }

    private mutating func refill(now: Double) {
        guard now > updatedAt else { return }
        tokens = min(capacity, tokens + (now - updatedAt) * bytesPerSecond)
        updatedAt = now
    }
}
