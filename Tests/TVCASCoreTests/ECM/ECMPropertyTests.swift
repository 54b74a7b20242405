import TVCASCore
import Testing

@Suite("ECM: encode then decode")
struct ECMPropertyTests {
    @Test("gives back the inputs, CWs placed by parity", arguments: 0..<8)
    func roundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            let key = try ECMKey(hex: Hex.encode(random.bytes(32)))
            let filler = random.bytes(23)
            let builder = ECMBuilder(key: key, random: RecordedBytes(filler))
            let cpNumber = UInt16.random(in: .min ... .max, using: &random)
            let first = ControlWord(rawValue: random.next())
            let second = ControlWord(rawValue: random.next())
            let accessCriteria = AccessCriteria(rawValue: UInt32.random(in: .min ... .max, using: &random))
            let time = UInt32.random(in: .min ... .max, using: &random)
            let datagram = try builder.build(cpNumber: cpNumber, controlWords: (first, second), accessCriteria: accessCriteria, time: time)
            #expect(datagram.count == 55)
            let decoded = try ECMDecoder(key: key).decode(datagram)
            let isOdd = cpNumber % 2 == 1
            #expect(decoded.tableID == (isOdd ? 0x81 : 0x80))
            #expect(decoded.oddControlWord == (isOdd ? first : second))
            #expect(decoded.evenControlWord == (isOdd ? second : first))
            #expect(decoded.accessCriteria == accessCriteria)
            #expect(decoded.time == time)
            #expect(decoded.filler == filler)
            #expect(decoded.checksumOK)
        }
    }

    @Test("the system random source fills the filler differently each time")
    func systemRandom() throws {
        let builder = ECMBuilder(key: try ECMKey(hex: String(repeating: "11", count: 32)), random: SystemRandomSource())
        let cws = (ControlWord(rawValue: 1), ControlWord(rawValue: 2))
        let first = try builder.build(cpNumber: 2, controlWords: cws, accessCriteria: AccessCriteria(rawValue: 1), time: 100)
        let second = try builder.build(cpNumber: 2, controlWords: cws, accessCriteria: AccessCriteria(rawValue: 1), time: 100)
        #expect(first != second)
        let decoder = ECMDecoder(key: builder.key)
        #expect(try decoder.decode(first).checksumOK)
        #expect(try decoder.decode(second).checksumOK)
    }
}

@Suite("Builders shared between tasks")
struct SharedBuilderTests {
    @Test("one ECM builder and one EMM builder used from many tasks at once give the same bytes as alone")
    func concurrentUse() async throws {
        let key = try ECMKey(hex: "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE")
        let ecmBuilder = ECMBuilder(key: key, random: RecordedBytes([UInt8](repeating: 0x5A, count: 23)))
        let emmBuilder = EMMBuilder(zone: .utc)
        let cardKey = try CardKey(hex: "98FA4C8CF74769DE8374C7AEC8CF7476")
        func ecm(_ index: Int) throws -> [UInt8] {
            try ecmBuilder.build(
                cpNumber: UInt16(index % 2), controlWords: (ControlWord(rawValue: UInt64(index)), ControlWord(rawValue: 7)),
                accessCriteria: AccessCriteria(rawValue: 1), time: UInt32(index))
        }
        func emm(_ index: Int) throws -> [UInt8] {
            try emmBuilder.build(
                for: CardSubscription(
                    serial: CardSerial(rawValue: UInt32(index)), accessCriteria: AccessCriteria(rawValue: 1), start: 1_600_000_000,
                    finish: 1_700_000_000, pair: 0, type: 0),
                key: cardKey)
        }
        let expected = try (0..<200).map { (try ecm($0), try emm($0)) }
        try await withThrowingTaskGroup(of: (Int, [UInt8], [UInt8]).self) { group in
            for index in 0..<200 {
                group.addTask { (index, try ecm(index), try emm(index)) }
            }
            for try await (index, ecmBytes, emmBytes) in group {
                #expect(ecmBytes == expected[index].0)
                #expect(emmBytes == expected[index].1)
            }
        }
    }
}
