import TVCASWeb
import Testing

@Suite("PHP json_encode")
struct PHPJSONEncoderTests {
    @Test("escapes like PHP: \\/, lowercase \\u, surrogate pairs, control characters")
    func strings() {
        #expect(PHPJSONEncoder.encode(string: "Ivan/Petrov Иван") == #""Ivan\/Petrov \u0418\u0432\u0430\u043d""#)
        #expect(PHPJSONEncoder.encode(string: "<b>&'") == #""<b>&'""#)
        #expect(PHPJSONEncoder.encode(string: "\"\\\n\t\u{1}\u{7F}") == #""\"\\\n\t\u0001"# + "\u{7F}\"")
        #expect(PHPJSONEncoder.encode(string: "😀") == #""\ud83d\ude00""#)
        #expect(PHPJSONEncoder.encode(string: "✓") == #""\u2713""#)
    }

    @Test("objects keep member order, null for nil, and null for no object")
    func objects() {
        #expect(PHPJSONEncoder.encode([("a", "1"), ("b", nil)]) == #"{"a":"1","b":null}"#)
        #expect(PHPJSONEncoder.encode(nil) == "null")
    }
}
