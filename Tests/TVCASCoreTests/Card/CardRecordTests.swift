import Foundation
import TVCASCore
import TVCASTesting
import Testing

@Suite("Virtual card: image, record and flash state")
struct CardRecordTests {
    static let bins = Array(Set(CardScenarioTests.scenarios.map(\.card_bin_hex))).sorted()

    @Test("a .bin reads into fields and writes back the same bytes", arguments: bins)
    func binRoundTrip(_ hex: String) throws {
        let image = try CardImage(bin: Data(testHex: hex)!)
        #expect(Data(image.bin).testHex == hex)
        #expect(Data(image.serialBytes).testHex == String(hex.prefix(8)))
    }

    @Test("a .bin that is not 90 bytes is refused")
    func badBin() {
        #expect(throws: CardImageError.badLength(89)) { try CardImage(bin: [UInt8](repeating: 0, count: 89)) }
        #expect(throws: CardImageError.badFieldLength(field: "EMM key", expected: 16, got: 15)) {
            try CardImage(
                serial: 1, start: 0, finish: 1, accessCriteria: 1, ecmKey: [UInt8](repeating: 0, count: 32), emmKey: [UInt8](repeating: 0, count: 15))
        }
    }

    @Test("the record's fields sit at the spec's offsets")
    func recordFields() throws {
        var record = try CardRecord(bytes: (0..<85).map { UInt8($0) })
        #expect(record.start == 0x0001_0203)
        #expect(record.finish == 0x0405_0607)
        #expect(record.accessCriteria == 0x0809_0A0B)
        #expect(record.conaxStart == 0x0C0D && record.conaxFinish == 0x0E0F)
        #expect(record.pairing == 16 && record.pairedCAM == CAMIdentifier(17, 18, 25))
        #expect(record.emmCounter == 19 && record.ecmCounter == 20 && record.protect == 21 && record.reserved == 22)
        #expect(record.lastEMMComputedChecksum == 23 && record.lastEMMReceivedChecksum == 24)
        #expect(record.antiSharingCounter == 26 && record.lockState.rawValue == 27 && record.lockTime == 0x1C1D_1E1F)
        #expect(record.ecmKeyEven == Array(32..<48) && record.ecmKeyOdd == Array(48..<64) && record.emmKey == Array(64..<80))
        #expect(record.maturityRating == 80 && record.pin == [81, 82, 83, 84])
        record.pairedCAM = CAMIdentifier(0xAA, 0xBB, 0xCC)
        #expect(record.bytes[17] == 0xAA && record.bytes[18] == 0xBB && record.bytes[25] == 0xCC)
        #expect(throws: CardRecordError.badLength(84)) { try CardRecord(bytes: [UInt8](repeating: 0, count: 84)) }
    }

    @Test("the flash state survives JSON, and a restored card answers as the original")
    func flashStateRoundTrip() throws {
        let scenario = try #require(CardScenarioTests.scenarios.first { $0.id == "emm-update-ac" })
        var card = try VirtualCard(bin: Data(testHex: scenario.card_bin_hex)!)
        card.powerUp()
        for step in scenario.steps where step.action != "power_up" {
            _ = card.receive(Data(testHex: step.command_apdu_hex!)!)
        }
        let json = try JSONEncoder().encode(CardFlashState(of: card))
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"flash_7000\":\"\(Data(card.record.bytes).testHex)\""))
        #expect(text.contains("\"serial_no\":\(card.image.serial)"))
        let saved = try JSONDecoder().decode(CardFlashState.self, from: json)
        var restored = VirtualCard(image: card.image, record: saved.record)
        restored.powerUp()
        card.powerUp()
        #expect(restored.record == card.record)
        let info = Data(testHex: "DDC60000031C0100DDCA000031")!
        #expect(restored.receive(info) == card.receive(info))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CardFlashState.self, from: Data(#"{"serial_no":1,"flash_7000":"XYZ"}"#.utf8))
        }
    }

    @Test("a power-up keeps flash and resets RAM")
    func powerCycle() throws {
        let scenario = try #require(CardScenarioTests.scenarios.first { $0.id == "emm-other-serial" })
        var card = try VirtualCard(bin: Data(testHex: scenario.card_bin_hex)!)
        card.powerUp()
        for step in scenario.steps where step.action != "power_up" {
            _ = card.receive(Data(testHex: step.command_apdu_hex!)!)
        }
        let record = card.record
        #expect(card.cam == .oscam)
        #expect(card.addressBytes != card.image.addressBytes)
        _ = card.receive([0x14, 0x38])  // half a command
        #expect(!card.isIdle)
        #expect(card.powerUp() == VirtualCard.answerToReset)
        #expect(card.record == record)
        #expect(card.cam == .none)
        #expect(card.addressBytes == card.image.addressBytes)
        #expect(card.responseBuffer == [UInt8](repeating: 0, count: VirtualCard.responseBufferSize))
        #expect(card.isIdle)
    }

    @Test("flash whose first byte reads FF counts as blank: the next power-up rewrites the factory record")
    func blankFlashQuirk() throws {
        var rng = SeededGenerator(seed: 20)
        let card = try RandomCard(&rng)
        var reader = CardReader(card: VirtualCard(image: card.image))
        var update = card.subscription
        update.start = 0xFF00_0000
        _ = try reader.send(emm: try card.emm(update))
        #expect(reader.card.record.start == 0xFF00_0000)
        #expect(reader.card.record.isBlank)
        reader.reset()
        #expect(reader.card.record == card.image.factoryRecord)
    }

    @Test("the .bin the head-end writes programs the card: cardbin.json through CardBin and the virtual card")
    func cardBinVectors() throws {
        struct Case: Decodable {
            var file_hex: String
        }
        for item in try GoldenVectors.cases(Case.self, from: "cardbin.json") {
            let image = try CardImage(bin: Data(testHex: item.file_hex)!)
            var card = VirtualCard(image: image)
            card.powerUp()
            #expect(card.record.start == image.start && card.record.ecmKeyEven == Array(image.ecmKey[0..<16]))
            #expect(Data(card.receive(Data(testHex: "DD260000026600DDCA000006")!)).testHex == "269806CA7404\(Data(image.serialBytes).testHex)9000")
        }
    }
}
