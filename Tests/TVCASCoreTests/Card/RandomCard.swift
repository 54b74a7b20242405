import TVCASCore

/// A card with random keys, serial and subscription, for property tests.
struct RandomCard {
    var image: CardImage

    init(_ rng: inout SeededGenerator, pairing: UInt8 = 0) throws {
        let start = UInt32.random(in: 600_000_000...2_000_000_000, using: &rng)
        let finish = start + UInt32.random(in: 86_400...(400 * 86_400), using: &rng)
        image = try CardImage(
            serial: UInt32.random(in: 0...UInt32.max, using: &rng), start: start, finish: finish,
            accessCriteria: UInt32.random(in: 1...UInt32.max, using: &rng), pairing: pairing,
            ecmKey: rng.bytes(32), emmKey: rng.bytes(16))
    }

    var evenKey: [UInt8] { Array(image.ecmKey[0..<16]) }
    var oddKey: [UInt8] { Array(image.ecmKey[16..<32]) }

    /// A time strictly inside the subscription window.
    func timeInside(_ rng: inout SeededGenerator) -> UInt32 {
        UInt32.random(in: (image.start + 1)...(image.finish - 1), using: &rng)
    }

    /// Access criteria sharing at least one bit with the card's.
    func matchingAccessCriteria(_ rng: inout SeededGenerator) -> UInt32 {
        let bits = (0..<32).filter { image.accessCriteria & (1 << $0) != 0 }
        return UInt32.random(in: 0...UInt32.max, using: &rng) | (1 << bits.randomElement(using: &rng)!)
    }

    /// An ECM the card should accept, with the key matching its table.
    func ecm(
        _ rng: inout SeededGenerator, table: UInt8? = nil, time: UInt32? = nil, accessCriteria: UInt32? = nil, odd: [UInt8]? = nil,
        even: [UInt8]? = nil, wrongKey: Bool = false
    ) throws -> [UInt8] {
        let table = table ?? (Bool.random(using: &rng) ? 0x80 : 0x81)
        let key = (table == 0x81) != wrongKey ? oddKey : evenKey
        return try TestDatagrams.ecm(
            table: table, key: key, time: time ?? timeInside(&rng), odd: odd ?? rng.bytes(8), even: even ?? rng.bytes(8),
            accessCriteria: accessCriteria ?? matchingAccessCriteria(&rng), filler: rng.bytes(23))
    }
}
