import TVCASCore
import TVCASTesting
import Testing

@Suite("Card .bin: cardbin.json byte for byte")
struct CardBinVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        struct Card: Decodable, Sendable {
            var serial_no: String
            var key: String
            var access_criteria: String
            var type: LooseInt
            var pair: LooseInt
            var start: String
            var finish: String
        }
        var id: String
        var timezone: String
        var config_ident: String
        var config_trademark: String
        var config_ecm_key: String
        var card: Card
        var md5_of_ecm_key_string: String
        var file_name: String
        var file_len: Int
        var file_hex: String
        var testDescription: String { id }
    }

    static let vectors = (try? GoldenVectors.cases(Vector.self, from: "cardbin.json")) ?? []

    @Test("the vector file is there")
    func loaded() { #expect(!Self.vectors.isEmpty) }

    @Test("builds the file and its name", arguments: vectors)
    func builds(vector: Vector) throws {
        let card = CardSubscription(
            serial: CardSerial(rawValue: try #require(UInt32(vector.card.serial_no))),
            accessCriteria: try AccessCriteria(hex: vector.card.access_criteria),
            start: try #require(UInt32(vector.card.start)),
            finish: try #require(UInt32(vector.card.finish)),
            pair: vector.card.pair.value,
            type: vector.card.type.value)
        let settings = CardBinSettings(
            ident: try CardIdent(vector.config_ident), trademark: vector.config_trademark,
            ecmKey: try ECMKey(hex: vector.config_ecm_key), zone: try ConaxTimeZone(vector.timezone))
        let bin = CardBin(card: card, key: try CardKey(hex: vector.card.key), settings: settings)
        #expect(bin.bytes.count == vector.file_len)
        #expect(Hex.encode(bin.bytes) == vector.file_hex)
        #expect(bin.fileName == vector.file_name)
        #expect(Hex.encode(bin.bytes[5..<8]).lowercased() == String(vector.md5_of_ecm_key_string.prefix(6)))
    }
}
