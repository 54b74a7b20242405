import TVCASCore
import Testing

@Suite("Card .bin: rules")
struct CardBinTests {
    static let settings = CardBinSettings(
        ident: try! CardIdent("0B00"), trademark: "TVCAS.COM",
        ecmKey: try! ECMKey(hex: "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"), zone: .utc)
    static let key = try! CardKey(hex: "98FA4C8CF74769DE8374C7AEC8CF7476")

    static func card(pair: Int = 0, type: Int = 0) -> CardSubscription {
        CardSubscription(
            serial: CardSerial(rawValue: 2_100_000_005), accessCriteria: AccessCriteria(rawValue: 0xFFFF),
            start: 1_596_643_920, finish: 1_601_917_980, pair: pair, type: type)
    }

    @Test(
        "file names group the decimal serial in threes from the left",
        arguments: [
            (2_100_000_005, "210-000-000-5.bin"), (1, "1.bin"), (123, "123.bin"), (1234, "123-4.bin"), (4_294_967_295, "429-496-729-5.bin"),
        ] as [(UInt32, String)])
    func fileName(serial: UInt32, name: String) {
        #expect(CardBin.fileName(serial: CardSerial(rawValue: serial)) == name)
    }

    @Test("a negative pair sets the .bin's flag (pair != 0); type counts only when 1")
    func flags() {
        #expect(CardBin(card: Self.card(pair: -1), key: Self.key, settings: Self.settings).bytes[39] == 1)
        #expect(CardBin(card: Self.card(pair: 0), key: Self.key, settings: Self.settings).bytes[39] == 0)
        #expect(CardBin(card: Self.card(type: 1), key: Self.key, settings: Self.settings).bytes[40] == 1)
        #expect(CardBin(card: Self.card(type: 2), key: Self.key, settings: Self.settings).bytes[40] == 0)
    }

    @Test("the trademark is its first 15 UTF-8 bytes, space-padded, even mid-character")
    func trademark() {
        var settings = Self.settings
        settings.trademark = "ТЕСТ ТВ ОПЕРАТОР"
        let bytes = CardBin(card: Self.card(), key: Self.key, settings: settings).bytes
        #expect(Array(bytes[8..<23]) == Array(Array("ТЕСТ ТВ ОПЕРАТОР".utf8).prefix(15)))
        settings.trademark = "TV"
        #expect(
            Array(CardBin(card: Self.card(), key: Self.key, settings: settings).bytes[8..<23]) == [0x54, 0x56] + Array(repeating: 0x20, count: 13))
    }

    @Test("bytes 5-7 hash the ECM key text as written: case matters")
    func ecmKeyText() throws {
        var settings = Self.settings
        let upper = CardBin(card: Self.card(), key: Self.key, settings: settings).bytes
        settings.ecmKey = try ECMKey(hex: settings.ecmKey.text.lowercased())
        let lower = CardBin(card: Self.card(), key: Self.key, settings: settings).bytes
        #expect(upper[5..<8] != lower[5..<8])
        #expect(upper[42..<74] == lower[42..<74])
    }
}
