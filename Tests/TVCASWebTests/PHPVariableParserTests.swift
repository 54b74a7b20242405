import TVCASWeb
import Testing

@Suite("PHP's rules for request variables")
struct PHPVariableParserTests {
    private func parse(_ query: String) -> PHPArray { PHPVariableParser().parse(Array(query.utf8)) }

    @Test("set[name]=… makes an ordered array; repeated keys: the last wins in the first position")
    func arrays() {
        let query = parse("api_key=k&set[pair]=0&set[name]=A+B&set[pair]=1")
        #expect(query["api_key"] == .string(Array("k".utf8)))
        let set = query["set"]?.array
        #expect(set?.keys == [.string("pair"), .string("name")])
        #expect(set?["pair"] == .string(Array("1".utf8)))
        #expect(set?["name"] == .string(Array("A B".utf8)))
    }

    @Test("% decoding, invalid escapes kept, names decoded before brackets")
    func decoding() {
        let query = parse("a=%41%2x%&set%5Bname%5D=%D0%98")
        #expect(query["a"] == .string(Array("A%2x%".utf8)))
        #expect(query["set"]?.array?["name"] == .string([0xD0, 0x98]))
    }

    @Test("[] appends with integer keys; numeric keys become integers")
    func appending() {
        let set = parse("set[]=a&set[]=b&set[5]=c&set[]=d")["set"]?.array
        #expect(set?.keys == [.int(0), .int(1), .int(5), .int(6)])
    }

    @Test("a scalar then an array replaces, and the other way round")
    func replacing() {
        #expect(parse("set=abc&set[a]=1")["set"]?.array?.count == 1)
        #expect(parse("set[a]=1&set=abc")["set"] == .string(Array("abc".utf8)))
    }

    @Test("dots and spaces in the base name, unclosed brackets, trailing text after ]")
    func names() {
        #expect(parse("a.b=1")["a_b"] != nil)
        #expect(parse(" a b=1")["a_b"] != nil)
        #expect(parse("a[b=1")["a_b"] != nil)
        #expect(parse("a[b]x=1")["a"]?.array?["b"] != nil)
        #expect(parse("a[b][c=1")["a"]?.array?["b"] == .string(Array("1".utf8)))
        #expect(parse("=1&[x]=2").isEmpty)
    }

    @Test("nested values")
    func nested() {
        let value = parse("set[name][x]=1")["set"]?.array?["name"]?.array?["x"]
        #expect(value == .string(Array("1".utf8)))
    }

    @Test("a name without = gets an empty value")
    func bareName() {
        #expect(parse("flag&x=1")["flag"] == .string([]))
    }
}
