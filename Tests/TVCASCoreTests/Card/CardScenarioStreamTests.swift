import Foundation
import TVCASCore
import TVCASTesting
import Testing

/// The card is a byte stream: how the host splits its bytes must not matter.
@Suite("Virtual card: byte-stream behaviour")
struct CardScenarioStreamTests {
    /// Every byte sent and expected in a scenario, in order, after its power-up.
    static func stream(_ scenario: CardScenarioTests.Scenario) -> (sent: [UInt8], expected: [UInt8]) {
        var sent = [UInt8]()
        var expected = [UInt8]()
        for step in scenario.steps where step.action != "power_up" {
            sent += Data(testHex: step.command_apdu_hex!)!
            expected += Data(testHex: step.card_tx_hex!)!
            if let fetch = step.fetch {
                sent += Data(testHex: fetch.command_apdu_hex)!
                expected += Data(testHex: fetch.card_tx_hex)!
            }
        }
        return (sent, expected)
    }

    @Test("fed one byte at a time, the card sends the same bytes", arguments: CardScenarioTests.scenarios.filter { $0.steps.count < 100 })
    func byteByByte(_ scenario: CardScenarioTests.Scenario) throws {
        let (sent, expected) = Self.stream(scenario)
        var card = try VirtualCard(bin: Data(testHex: scenario.card_bin_hex)!)
        card.powerUp()
        var answered = [UInt8]()
        for byte in sent { answered += card.receive([byte]) }
        #expect(Data(answered).testHex == Data(expected).testHex)
    }

    @Test("fed all at once, the card sends the same bytes", arguments: CardScenarioTests.scenarios)
    func allAtOnce(_ scenario: CardScenarioTests.Scenario) throws {
        let (sent, expected) = Self.stream(scenario)
        var card = try VirtualCard(bin: Data(testHex: scenario.card_bin_hex)!)
        card.powerUp()
        #expect(Data(card.receive(sent)).testHex == Data(expected).testHex)
    }

    @Test("a card that was never powered up powers up on its first bytes")
    func implicitPowerUp() throws {
        let scenario = try #require(CardScenarioTests.scenarios.first { $0.id == "info-66" })
        var card = try VirtualCard(bin: Data(testHex: scenario.card_bin_hex)!)
        #expect(!card.isPowered)
        #expect(card.record == .erased)
        #expect(Data(card.receive(Data(testHex: "DD260000026600")!)).testHex == "269806")
        #expect(card.isPowered)
        #expect(card.record == card.image.factoryRecord)
    }
}
