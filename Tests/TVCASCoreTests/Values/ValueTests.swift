import TVCASCore
import Testing

@Suite("Values people enter")
struct ValueTests {
    @Test("a serial must be 210 and seven more digits", arguments: ["2100000000", "2109999999", "2100000005"])
    func goodSerial(text: String) throws {
        #expect(try CardSerial(validating: text).rawValue == UInt32(text))
    }

    @Test("other serials are refused", arguments: ["2110000000", "210000000", "21000000000", "+210000000", "210000000a", "", "4294967295"])
    func badSerial(text: String) {
        #expect(throws: ValueError.badSerial(text)) { try CardSerial(validating: text) }
    }

    @Test("access criteria are 8 hex digits, either case")
    func accessCriteria() throws {
        #expect(try AccessCriteria(hex: "0000ffff").rawValue == 0xFFFF)
        #expect(try AccessCriteria(hex: "80000001").hex == "80000001")
        for bad in ["FFFF", "0000fffff", "0000fffg", " 0000ffff"] {
            #expect(throws: ValueError.badAccessCriteria(bad)) { try AccessCriteria(hex: bad) }
        }
    }

    @Test("a card key is 32 hex digits")
    func cardKey() throws {
        let key = try CardKey(hex: "bed67fa9f59139badc00608e82ef62d6")
        #expect(key.hex == "BED67FA9F59139BADC00608E82EF62D6")
        #expect(key == (try CardKey(hex: "BED67FA9F59139BADC00608E82EF62D6")))
        #expect(throws: ValueError.badCardKey("BED67FA9")) { try CardKey(hex: "BED67FA9") }
    }

    @Test("an ECM key keeps its text and compares by bytes")
    func ecmKey() throws {
        let lower = try ECMKey(hex: "7e33a278b3617a309b18222f372a231907ac67e08a5f12c3f74769de8374c7ae")
        let upper = try ECMKey(hex: "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE")
        #expect(lower.text == "7e33a278b3617a309b18222f372a231907ac67e08a5f12c3f74769de8374c7ae")
        #expect(lower.sameKey(as: upper))
        #expect(lower != upper)
        #expect(Array(upper.evenHalf) == Hex.decode("7E33A278B3617A309B18222F372A2319"))
        #expect(Array(upper.oddHalf) == Hex.decode("07AC67E08A5F12C3F74769DE8374C7AE"))
        #expect(throws: ValueError.badECMKey("7E33")) { try ECMKey(hex: "7E33") }
    }

    @Test("a control word is 16 hex digits")
    func controlWord() throws {
        let cw = try ControlWord(hex: "0123456789abcdef")
        #expect(cw.rawValue == 0x0123_4567_89AB_CDEF)
        #expect(cw.bytes == [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF])
        #expect(ControlWord(bytes: cw.bytes) == cw)
        #expect(throws: ValueError.badControlWord("0123")) { try ControlWord(hex: "0123") }
    }

    @Test(
        "the ident byte of the .bin",
        arguments: [("0B00", 0x00), ("0b01", 0x01), ("0B", 0x00), ("0B0F", 0x0F), ("0BFF", 0xFF), ("1B00", 0x00), ("0A00", 0x00), ("0B1", 0x01)]
            as [(String, UInt8)])
    func ident(text: String, byte: UInt8) throws {
        #expect(try CardIdent(text).uniqueAddressByte == byte)
    }

    @Test("an ident is 1 to 4 hex digits", arguments: ["", "0B000", "0G00", "0B 0"])
    func badIdent(text: String) {
        #expect(throws: ValueError.badIdent(text)) { try CardIdent(text) }
    }
}
