import TVCASCore

/// SplitMix64: a small deterministic generator, so that every property-test run sees the same
/// messages and a failure can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }
}
