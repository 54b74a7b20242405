import Foundation
import TVCASDatabase
import Testing

@testable import TVCASWeb

/// The panels' pure pieces: dates, serial text, the edit form's rules, the search filter, tokens, throttle.
@Suite("Panels: dates, forms, filters, tokens")
struct PanelUnitTests {
    let dates = PanelDates(zone: TimeZone(identifier: "Europe/Moscow")!)

    @Test("dates shown and parsed as dd.mm.YYYY HH:MM in the configured zone; malformed input refused")
    func dateText() {
        #expect(dates.field(1_596_643_920) == "05.08.2020 19:12")
        #expect(dates.parse("05.08.2020 19:12") == 1_596_643_920)
        #expect(dates.parse("05.08.2020 19:12:07") == 1_596_643_927)
        #expect(dates.parse("05.08.2020") == 1_596_574_800)
        for bad in ["", "31.02.2024 10:00", "5.8", "05.08.2020 25:00", "aa.bb.cccc", "05.08.2020 19:12 x", "01.01.1969 00:00"] {
            #expect(dates.parse(bad) == nil, "\(bad)")
        }
        #expect(dates.display(1_596_643_920, now: 1_596_643_920) == "Today at 19:12")
        #expect(dates.display(1_596_643_920, now: 1_596_643_920 + 86_400) == "Yesterday at 19:12")
        #expect(dates.display(1_596_643_920, now: 1_596_643_920 - 86_400) == "Tomorrow at 19:12")
        #expect(dates.display(1_596_643_920, now: 1_700_000_000) == "05.08.2020 at 19:12")
    }

    @Test("serials in 3-digit groups")
    func serials() {
        #expect(SerialText.grouped(2_100_000_005) == "210-000-000-5")
        #expect(SerialText.grouped(7) == "7")
    }

    @Test("packages: checkboxes give the mask; a changed hex field wins; the operator's key and type are ignored")
    func editForm() throws {
        let card = Card(serialNo: 2_100_000_003, name: "A", key: "00112233445566778899AABBCCDDEEFF", accessCriteria: "FFFFFFFF", type: 1)
        var fields = PHPVariableParser().parse(Array("pkg[]=0&pkg[]=31&ac_before=FFFFFFFF&access_criteria=FFFFFFFF&key=0&type=2".utf8))
        let boxes = try CardEditForm(fields: fields, card: card, role: .oper, dates: dates)
        #expect(boxes.card.accessCriteria == "80000001")
        #expect(boxes.card.key == card.key)
        #expect(boxes.card.type == 1)
        #expect(boxes.changedColumns == ["access_criteria"])
        fields = PHPVariableParser().parse(Array("pkg[]=0&ac_before=FFFFFFFF&access_criteria=0000abcd".utf8))
        #expect(try CardEditForm(fields: fields, card: card, role: .oper, dates: dates).card.accessCriteria == "0000ABCD")
        fields = PHPVariableParser().parse(Array("ac_before=FFFFFFFF&access_criteria=12345".utf8))
        #expect(throws: CardEditError.accessCriteria("12345")) { try CardEditForm(fields: fields, card: card, role: .oper, dates: dates) }
        fields = PHPVariableParser().parse(Array("pkg[]=32".utf8))
        #expect(throws: CardEditError.packageBit("32")) { try CardEditForm(fields: fields, card: card, role: .oper, dates: dates) }
        fields = PHPVariableParser().parse(Array("key=xyz".utf8))
        #expect(throws: CardEditError.key) { try CardEditForm(fields: fields, card: card, role: .admin, dates: dates) }
        fields = PHPVariableParser().parse(Array("serial_no=1&id=5&status=9&network_id=3".utf8))
        let ignored = try CardEditForm(fields: fields, card: card, role: .admin, dates: dates)
        #expect(ignored.card.serialNo == card.serialNo && ignored.card.id == card.id && ignored.card.status == card.status)
    }

    @Test("search text: digits are a serial prefix range, words are prefixes without FULLTEXT operators")
    func filter() {
        #expect(CardListing.Filter(searching: "") == .all)
        #expect(CardListing.Filter(searching: "210-000-000-5") == .serials(2_100_000_005...2_100_000_005))
        #expect(CardListing.Filter(searching: "2101") == .serials(2_101_000_000...2_101_999_999))
        #expect(CardListing.Filter(searching: "9") == .serials(4_294_967_295...4_294_967_295))
        #expect(CardListing.Filter(searching: "Ivan +Pet* (x) \"q\" o'k\\") == .wordPrefixes(["Ivan", "Pet", "x", "q", "o", "k"]))
    }

    @Test("stateless CSRF tokens: per role and day, yesterday's still accepted, another secret's refused")
    func statelessTokens() {
        let tokens = StatelessCSRFToken(secret: "s1")
        let now: UInt32 = 1_700_000_000
        let token = tokens.token(role: .admin, at: now)
        #expect(token.count == 64)
        #expect(tokens.accepts(token, role: .admin, at: now))
        #expect(tokens.accepts(token, role: .admin, at: now + 86_400))
        #expect(!tokens.accepts(token, role: .admin, at: now + 2 * 86_400))
        #expect(!tokens.accepts(token, role: .oper, at: now))
        #expect(!StatelessCSRFToken(secret: "s2").accepts(token, role: .admin, at: now))
        #expect(!tokens.accepts("", role: .admin, at: now))
    }

    @Test("login throttle: the fifth failure in five minutes pauses the address for 60 s")
    func throttle() {
        let throttle = LoginThrottle()
        for second in 0..<4 { throttle.recordFailure("a", at: 1000 + UInt32(second)) }
        #expect(!throttle.isPaused("a", at: 1004))
        throttle.recordFailure("a", at: 1004)
        #expect(throttle.isPaused("a", at: 1005))
        #expect(!throttle.isPaused("b", at: 1005))
        #expect(throttle.isPaused("a", at: 1063))
        #expect(!throttle.isPaused("a", at: 1064))
        let spread = LoginThrottle()
        for minute in 0..<5 { spread.recordFailure("c", at: UInt32(minute) * 100) }
        #expect(!spread.isPaused("c", at: 401))
    }

    @Test("highlight: literal, case-insensitive, every piece escaped")
    func highlight() {
        #expect(Highlight.html("Ivan <Petrov>", terms: ["pet"]) == "Ivan &lt;<span class=\"ins\">Pet</span>rov&gt;")
        #expect(Highlight.html("a.b*c", terms: [".", "*"]) == "a<span class=\"ins\">.</span>b<span class=\"ins\">*</span>c")
        #expect(Highlight.html("<b>", terms: []) == "&lt;b&gt;")
        #expect(Highlight.html("x<y", terms: ["<"]) == "x<span class=\"ins\">&lt;</span>y")
    }

    @Test("access-criteria cycle: sorted strings without repeats, wrapping, unknown → the second")
    func accessCriteriaCycle() {
        let cycle = PanelController.accessCriteriaCycle(inUse: ["FFFFFFFF", "00000000", "1E000000"])
        #expect(cycle == ["00000000", "11111111", "1E000000", "FFFFFFFF"])
        #expect(PanelController.nextAccessCriteria(after: "ffffffff", in: cycle) == "00000000")
        #expect(PanelController.nextAccessCriteria(after: "11111111", in: cycle) == "1E000000")
        #expect(PanelController.nextAccessCriteria(after: "ZZ", in: cycle) == "11111111")
    }

    @Test("Basic header parsing")
    func basicHeader() {
        let parsed = BasicCredentials.parse("Basic " + Data("admin:pa:ss".utf8).base64EncodedString())
        #expect(parsed?.user == "admin" && parsed?.password == "pa:ss")
        #expect(BasicCredentials.parse("Basic !!!") == nil)
        #expect(BasicCredentials.parse(nil) == nil)
    }
}
