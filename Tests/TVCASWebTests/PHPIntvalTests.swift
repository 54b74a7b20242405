import TVCASWeb
import Testing

@Suite("PHP intval()")
struct PHPIntvalTests {
    @Test(
        "leading numeric part",
        arguments: [
            ("2100000003", Int64(2_100_000_003)), ("2100000003abc", 2_100_000_003), ("2100000003.9", 2_100_000_003),
            (" 2100000003", 2_100_000_003), ("2100000002 ", 2_100_000_002), ("abc", 0), ("", 0), ("0x1A", 0), ("-5", -5),
            ("+7", 7), ("1e3", 1000), ("99999999999999999999", Int64.max), ("-99999999999999999999", Int64.min), (".5", 0),
            ("\t\n12", 12), ("1.5e3x", 1500),
        ]
    )
    func strings(text: String, expected: Int64) {
        #expect(PHPIntval.of(.string(Array(text.utf8))) == expected)
    }

    @Test("arrays and missing values")
    func arrays() {
        var array = PHPArray()
        #expect(PHPIntval.of(.array(array)) == 0)
        array.append(.string([]))
        #expect(PHPIntval.of(.array(array)) == 1)
        #expect(PHPIntval.of(nil) == 0)
    }
}
