/// How long one full pass over the due cards takes, and how far apart their EMMs go
/// (decisions.md §2): max(`repetition` — at least 60 s —, what the bandwidth allows).
public struct CyclePlan: Sendable, Equatable {
    /// The shortest cycle the original allowed, in seconds.
    public static let minimumRepetition = 60

    /// Datagrams in one pass.
    public var datagrams: Int
    /// Bytes of one datagram as sent (62 for a section, 188 for a TS packet).
    public var bytesPerDatagram: Int
    /// The bandwidth paced to, kbit/s.
    public var kilobitsPerSecond: Int
    /// The row's `repetition`, seconds.
    public var repetition: Int
    /// The floor under `repetition`: 60 s as the original forced (lower only in tests and benchmarks).
    public var minimumRepetitionInForce: Int

    /// A plan for `datagrams` datagrams of `bytesPerDatagram` bytes.
    public init(datagrams: Int, bytesPerDatagram: Int, kilobitsPerSecond: Int, repetition: Int, minimumRepetition: Int = Self.minimumRepetition) {
        self.minimumRepetitionInForce = minimumRepetition
        self.datagrams = datagrams
        self.bytesPerDatagram = bytesPerDatagram
        self.kilobitsPerSecond = kilobitsPerSecond
        self.repetition = repetition
    }

    /// The repetition in force: the row's, at least 60 s.
    public var effectiveRepetition: Double { Double(max(minimumRepetitionInForce, repetition)) }

    /// Seconds the bandwidth needs for one pass.
    public var bandwidthSeconds: Double {
        Double(max(0, datagrams) * bytesPerDatagram) / TokenBucket.bytesPerSecond(kilobitsPerSecond: kilobitsPerSecond)
    }

    /// Seconds of one pass: the larger of the two.
    public var cycleSeconds: Double { max(effectiveRepetition, bandwidthSeconds) }

    /// Seconds between two EMMs of the pass so that it spreads over ``cycleSeconds``; the token
    /// bucket still caps the rate.
    public var interval: Double { cycleSeconds / Double(max(1, datagrams)) }
}
