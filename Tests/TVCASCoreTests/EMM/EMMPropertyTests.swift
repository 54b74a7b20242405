import TVCASCore
import Testing

@Suite("EMM: encode then decode")
struct EMMPropertyTests {
    static let zones = ["UTC", "Europe/Moscow", "America/New_York", "+0530", "-0300"]

    @Test("gives back the inputs", arguments: 0..<8)
    func roundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            let zone = try ConaxTimeZone(Self.zones.randomElement(using: &random)!)
            let key = try CardKey(bytes: random.bytes(16))
            let subscription = CardSubscription(
                serial: CardSerial(rawValue: UInt32.random(in: .min ... .max, using: &random)),
                accessCriteria: AccessCriteria(rawValue: UInt32.random(in: .min ... .max, using: &random)),
                start: UInt32.random(in: .min ... .max, using: &random),
                finish: UInt32.random(in: .min ... .max, using: &random),
                pair: Int.random(in: -2...3, using: &random),
                type: Int.random(in: -1...3, using: &random))
            let datagram = try EMMBuilder(zone: zone).build(for: subscription, key: key)
            #expect(datagram.count == 62)
            let decoded = try EMMDecoder(key: key).decode(datagram)
            #expect(decoded.headerSerial == subscription.serial)
            #expect(decoded.serial == subscription.serial)
            #expect(decoded.accessCriteria == subscription.accessCriteria)
            #expect(decoded.start == subscription.start)
            #expect(decoded.finish == subscription.finish)
            #expect(decoded.conaxStart == ConaxDate(time: Int64(subscription.start), in: zone).emmValue)
            #expect(decoded.conaxFinish == ConaxDate(time: Int64(subscription.finish), in: zone).emmValue)
            #expect(decoded.pair == (subscription.pair > 0 ? 1 : 0))
            #expect(decoded.type == (subscription.type == 1 ? 1 : 0))
            #expect(decoded.reserved == 0)
            #expect(decoded.checksum1OK && decoded.checksum2OK)
        }
    }
}
