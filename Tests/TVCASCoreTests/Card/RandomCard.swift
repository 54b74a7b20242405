import TVCASCore

/// A card with random keys, serial and subscription, programmed from the `.bin` the head-end's
/// ``CardBin`` writes, with ECMs and EMMs from the head-end's builders.
struct RandomCard {
    let subscription: CardSubscription
    let cardKey: CardKey
    let ecmKey: ECMKey
    let cardBin: CardBin

    init(_ rng: inout SeededGenerator, pair: Int = 0) throws {
        let start = UInt32.random(in: 600_000_000...2_000_000_000, using: &rng)
        subscription = CardSubscription(
            serial: CardSerial(rawValue: UInt32.random(in: 0...UInt32.max, using: &rng)),
            accessCriteria: AccessCriteria(rawValue: UInt32.random(in: 1...UInt32.max, using: &rng)),
            start: start, finish: start + UInt32.random(in: 86_400...(400 * 86_400), using: &rng), pair: pair, type: 0)
        cardKey = try CardKey(bytes: rng.bytes(16))
        ecmKey = try ECMKey(hex: Hex.encode(rng.bytes(32)))
        let settings = CardBinSettings(ident: try CardIdent("0B00"), trademark: "TVCAS.COM", ecmKey: ecmKey, zone: .utc)
        cardBin = CardBin(card: subscription, key: cardKey, settings: settings)
    }

    var image: CardImage { CardImage(cardBin) }
    var serial: UInt32 { subscription.serial.rawValue }

    /// The ECM key with its halves swapped: each table's ECM encrypted with the other key.
    var swappedECMKey: ECMKey {
        try! ECMKey(hex: Hex.encode(ecmKey.oddHalf + ecmKey.evenHalf))
    }

    /// A time strictly inside the subscription window.
    func timeInside(_ rng: inout SeededGenerator) -> UInt32 {
        UInt32.random(in: (subscription.start + 1)...(subscription.finish - 1), using: &rng)
    }

    /// Access criteria sharing at least one bit with the card's.
    func matchingAccessCriteria(_ rng: inout SeededGenerator) -> UInt32 {
        let bits = (0..<32).filter { subscription.accessCriteria.rawValue & (1 << $0) != 0 }
        return UInt32.random(in: 0...UInt32.max, using: &rng) | (1 << bits.randomElement(using: &rng)!)
    }

    /// An ECM from ``ECMBuilder`` for a random crypto period — by default one the card accepts —
    /// and the control words the card should give back for it.
    func ecm(
        _ rng: inout SeededGenerator, time: UInt32? = nil, accessCriteria: UInt32? = nil, key: ECMKey? = nil
    ) throws -> (datagram: [UInt8], odd: ControlWord, even: ControlWord) {
        let cpNumber = UInt16.random(in: 0...UInt16.max, using: &rng)
        let words = (ControlWord(rawValue: rng.next()), ControlWord(rawValue: rng.next()))
        let builder = ECMBuilder(key: key ?? ecmKey, random: RecordedBytes(rng.bytes(23)))
        let datagram = try builder.build(
            cpNumber: cpNumber, controlWords: words,
            accessCriteria: AccessCriteria(rawValue: accessCriteria ?? matchingAccessCriteria(&rng)), time: time ?? timeInside(&rng))
        // CW_provision order: entry [0] has cp = cpNumber, entry [1] cp + 1; the odd CP's word is the odd CW.
        return cpNumber & 1 == 1 ? (datagram, words.0, words.1) : (datagram, words.1, words.0)
    }

    /// An EMM from ``EMMBuilder`` for this card with `subscription` (defaults to the card's own).
    func emm(_ subscription: CardSubscription? = nil) throws -> [UInt8] {
        try EMMBuilder(zone: .utc).build(for: subscription ?? self.subscription, key: cardKey)
    }
}

/// EMMs changed after the builder made them, for the cases the head-end never sends.
enum AlteredEMM {
    /// `emm` decrypted with `key`, its plaintext changed by `change`, encrypted again.
    static func reencrypted(_ emm: [UInt8], key: CardKey, change: (inout [UInt8]) -> Void) throws -> [UInt8] {
        var plain = try key.cipher.decrypt(emm[14...])
        change(&plain)
        return Array(emm[0..<14]) + (try key.cipher.encrypt(plain))
    }

    /// The checksum of ECMs and EMMs.
    static func sum(_ bytes: some Sequence<UInt8>) -> UInt8 { bytes.reduce(0, &+) }
}
