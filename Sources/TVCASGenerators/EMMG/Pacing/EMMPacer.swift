/// When the next EMM may go: the cycle's spacing (so a pass takes ``CyclePlan/cycleSeconds``)
/// and the token bucket (never faster than the bandwidth), whichever is later. Changes jump the
/// spacing but never the bucket.
public struct EMMPacer: Sendable, Equatable {
    /// The byte-rate limit.
    public private(set) var bucket: TokenBucket
    /// When the next cycle EMM is due by the spacing.
    public private(set) var nextCycleSend: Double
    /// Seconds between cycle EMMs.
    public private(set) var interval: Double

    /// A pacer at `kilobitsPerSecond`, bursting at most `burstDatagrams` datagrams of
    /// `bytesPerDatagram`, starting at `now`.
    public init(kilobitsPerSecond: Int, bytesPerDatagram: Int, burstDatagrams: Int = 4, now: Double) {
        bucket = TokenBucket(kilobitsPerSecond: kilobitsPerSecond, capacity: bytesPerDatagram * max(1, burstDatagrams), now: now)
        nextCycleSend = now
        interval = 0
    }

    /// Sets the spacing of the cycle EMMs (at the start of each pass).
    public mutating func setInterval(_ seconds: Double) { interval = max(0, seconds) }

    /// Changes the bandwidth (a stream_BW_allocation).
    public mutating func setRate(kilobitsPerSecond: Int, now: Double) { bucket.setRate(kilobitsPerSecond: kilobitsPerSecond, now: now) }

    /// Seconds to wait from `now` before sending `bytes`: a change (`urgent`) waits only for the
    /// bucket, a cycle EMM also for its spacing.
    public mutating func delay(before bytes: Int, urgent: Bool, now: Double) -> Double {
        let bucketDelay = bucket.delay(before: bytes, now: now)
        return urgent ? bucketDelay : max(bucketDelay, nextCycleSend - now)
    }

    /// Records that `bytes` went out at `now`.
    public mutating func sent(_ bytes: Int, urgent: Bool, now: Double) {
        bucket.consume(bytes, now: now)
        if !urgent { nextCycleSend = max(nextCycleSend, now - interval) + interval }
    }
}
