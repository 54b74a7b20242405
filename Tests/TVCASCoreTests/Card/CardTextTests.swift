import Testing

@testable import TVCASCore

@Suite("Card explanations: dates, hex and JSON text")
struct CardTextTests {
    @Test(
        "UTC dates",
        arguments: [
            (UInt32(0), "1970-01-01 00:00:00 UTC"), (1_700_000_000, "2023-11-14 22:13:20 UTC"), (951_782_400, "2000-02-29 00:00:00 UTC"),
            (4_294_967_295, "2106-02-07 06:28:15 UTC"),
        ])
    func utc(_ epoch: UInt32, _ text: String) {
        #expect(CardText.utc(epoch) == text)
    }

    @Test("Conax dates decode as OSCam does")
    func conaxDates() {
        #expect(CardText.conaxDate(0x6508) == "2020-08-05")
        #expect(CardText.conaxDate(0x0101) == "1990-01-01")
    }

    @Test("JSON strings are escaped")
    func jsonQuoting() {
        #expect(CardAnswer.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
