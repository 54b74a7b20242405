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
