import TVCASCore
import TVCASDatabase
import TVCASGenerators
import Testing

@Suite("Card rows for the EMM builder")
struct DueCardTests {
    static let row = EMMCardRow(
        serialNo: 2_100_000_005, key: "98FA4C8CF74769DE8374C7AEC8CF7476", accessCriteria: "FFFFFFFF", type: 2, pair: 0, start: 1_596_643_920,
        finish: 1_601_917_980)

    @Test("a valid row gives formats.md's worked example")
    func workedExample() throws {
        let card = try DueCard(card: Self.row)
        let emm = try EMMBuilder(zone: try ConaxTimeZone("Europe/Moscow")).build(for: card.subscription, key: card.key)
        #expect(
            Hex.encode(emm)
                == "82703B0000007D2B7505703264102"
                + "4CA5771A48814B9FEADD592DDA388443ACFBE1A700464038AA54BE26C42F710028399A724856341F59BAC8A57D4B573")
    }

    @Test("rows with a bad key, bad access criteria or NULL dates are refused with their reason")
    func invalidRows() {
        var badKey = Self.row
        badKey.key = "XYZ"
        #expect(throws: CardRowProblem.badKey(serial: 2_100_000_005)) { try DueCard(card: badKey) }
        var badAC = Self.row
        badAC.accessCriteria = "FFFF"
        #expect(throws: CardRowProblem.badAccessCriteria(serial: 2_100_000_005)) { try DueCard(card: badAC) }
        var noDates = Self.row
        noDates.finish = nil
        #expect(throws: CardRowProblem.missingDates(serial: 2_100_000_005)) { try DueCard(card: noDates) }
    }

    @Test("the placeholder is the original's dummy card")
    func placeholder() {
        let card = DueCard.placeholder(now: 1_700_000_000)
        #expect(card.subscription.serial.rawValue == 2_199_999_999)
        #expect(card.subscription.accessCriteria.rawValue == 0xFFFF_FFFF)
        #expect(card.subscription.start == 1_700_000_000 - 86_400)
        #expect(card.subscription.finish == 1_700_000_300)
        #expect(card.key.hex == "1234567890A0B1C21234567890A0B1C2")
    }

    @Test("recent EMMs keep one per card, drop the oldest when full, and replay round")
    func recentEMMs() {
        var recent = RecentEMMs(capacity: 2)
        #expect(recent.replayNext() == nil)
        recent.keep([UInt8](repeating: 1, count: 62), serial: 1)
        recent.keep([UInt8](repeating: 2, count: 62), serial: 2)
        recent.keep([UInt8](repeating: 3, count: 62), serial: 2)
        #expect(recent.count == 2)
        recent.keep([UInt8](repeating: 4, count: 62), serial: 4)
        let replayed = (0..<4).compactMap { _ in recent.replayNext()?.first }
        #expect(replayed.count == 4)
        #expect(Set(replayed) == [3, 4])
    }
}
