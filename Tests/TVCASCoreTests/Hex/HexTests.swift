import TVCASCore
import Testing

@Suite("Hex text")
struct HexTests {
    @Test("decodes either case and encodes upper case")
    func roundTrip() {
        #expect(Hex.decode("00ff7Ea1") == [0x00, 0xFF, 0x7E, 0xA1])
        #expect(Hex.encode([0x00, 0xFF, 0x7E, 0xA1]) == "00FF7EA1")
        #expect(Hex.decode("") == [])
    }

    @Test("refuses odd lengths, non-hex characters and spaces", arguments: ["0", "0G", "00 11", "0x00", "+1"])
    func refuses(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test("decodes an exact byte count only")
    func exactCount() {
        #expect(Hex.decode("0011", count: 2) == [0x00, 0x11])
        #expect(Hex.decode("001122", count: 2) == nil)
    }

    @Test("reads and writes fixed-width numbers")
    func numbers() {
        #expect(Hex.number("0000ffff", digits: 8) == 0xFFFF)
        #expect(Hex.number("0000fff", digits: 8) == nil)
        #expect(Hex.number("0000fffg", digits: 8) == nil)
        #expect(Hex.encode(0x101, digits: 4) == "0101")
        #expect(Hex.encode(0x13F9C, digits: 5) == "13F9C")
    }
}
