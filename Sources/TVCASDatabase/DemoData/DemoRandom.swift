import TVCASCore

/// A small, fast, seeded generator (SplitMix64) so that demo data is the same on every run.
struct DemoRandom: RandomNumberGenerator {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    /// 16 random bytes as 32 uppercase hex digits.
    mutating func hexKey(bytes: Int = 16) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes * 2)
        var word = next()
        for index in 0..<bytes {
            if index % 8 == 0 && index > 0 { word = next() }
            let byte = UInt8(truncatingIfNeeded: word >> (UInt64(index % 8) * 8))
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
