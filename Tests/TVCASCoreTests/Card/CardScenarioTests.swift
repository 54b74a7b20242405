import Foundation
import TVCASCore
import TVCASTesting
import Testing

/// Every card.json scenario, fed byte for byte to the virtual card.
@Suite("Virtual card: card.json scenarios")
struct CardScenarioTests {
    struct Exchange: Decodable {
        var command_apdu_hex: String
        var card_tx_hex: String
        var card_idle_after: Bool?
    }

    struct Step: Decodable {
        var step: Int
        var action: String
        var atr_hex: String?
        var command_apdu_hex: String?
        var card_tx_hex: String?
        var card_idle_after: Bool?
        var fetch: Exchange?
        var flash_7000_after_hex: String?
        var ram_after: String?
    }

    struct Scenario: Decodable, CustomTestStringConvertible {
        var id: String
        var card_bin_hex: String
        var rom_after_first_power_up_hex: String
        var steps: [Step]
        var testDescription: String { id }
    }

    static let scenarios = (try? GoldenVectors.cases(Scenario.self, from: "card.json")) ?? []

    @Test("card.json is there")
    func vectorsLoad() {
        #expect(Self.scenarios.count >= 29)
    }

    @Test("the card answers byte for byte and its flash and RAM follow", arguments: scenarios)
    func scenario(_ scenario: Scenario) throws {
        var card = try VirtualCard(bin: Data(testHex: scenario.card_bin_hex)!)
        #expect(Data(card.image.factoryRecord.bytes).testHex == scenario.rom_after_first_power_up_hex)
        for step in scenario.steps {
            let where_ = "\(scenario.id) step \(step.step)"
            if step.action == "power_up" {
                #expect(Data(card.powerUp()).testHex == step.atr_hex, "\(where_): ATR")
            } else {
                let sent = card.receive(Data(testHex: step.command_apdu_hex!)!)
                #expect(Data(sent).testHex == step.card_tx_hex, "\(where_): card sent")
                if let idle = step.card_idle_after { #expect(card.isIdle == idle, "\(where_): idle") }
                if let fetch = step.fetch {
                    let fetched = card.receive(Data(testHex: fetch.command_apdu_hex)!)
                    #expect(Data(fetched).testHex == fetch.card_tx_hex, "\(where_): fetch")
                }
            }
            if let flash = step.flash_7000_after_hex {
                #expect(Data(card.record.bytes).testHex == flash, "\(where_): flash")
            }
            // RAM is compared only at command boundaries: inside a command the firmware has already
            // stored some bytes that the virtual card stores when the command completes.
            if let ram = step.ram_after, card.isIdle {
                #expect(Self.ram(of: card) == ram, "\(where_): RAM")
            }
        }
    }

    /// RAM in the vectors' notation.
    static func ram(of card: VirtualCard) -> String {
        "RAM SN \(Data(card.image.serialBytes).testHex) UA \(Data(card.addressBytes).testHex) "
            + "OP \(Data(card.image.operatorName).testHex) CAM \(card.cam) IOBUF \(Data(card.responseBuffer[0..<64]).testHex)"
    }
}
