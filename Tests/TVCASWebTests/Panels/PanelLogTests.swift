import Foundation
import TVCASTesting
import Testing

/// The admin's log viewer through nginx: the original's line format, filters, keyset pages,
/// escaping, and clearing as a confirmed POST that leaves a line.
@Suite("Panels: log viewer")
struct PanelLogTests: WebStackSuite {
    /// The lines of the console box.
    private func lines(_ body: String) -> [String] {
        let all = body.components(separatedBy: "\n")
        guard let start = all.firstIndex(of: #"<div class="console">"#) else { return [] }
        return all[(start + 1)...].prefix { $0 != "</div>" }.filter { $0.hasPrefix("<div") && !$0.contains("No log lines") }
    }

    @Test("lines as dd.mm.YYYY HH:MM:SS [user] msg (ip), newest first, important ones red, stored XSS escaped; the operator has no log page")
    func format() throws {
        try withStack { stack in
            try stack.sql(
                """
                DELETE FROM tvcas_logs;
                INSERT INTO tvcas_logs (msg, type, user, time, ip) VALUES
                ('Start ECMG_24', 0, 'oper', 1600000000, '10.0.0.1'),
                ('Smartcard 2100000001. name=<script>alert(1)</script>', 1, 'API', 1600000060, '10.0.0.2');
                """)
            let page = try stack.panel("/cas/?op=log", basic: Self.adminBasic)
            #expect(page.status == 200)
            let shown = lines(page.body)
            #expect(shown.count == 2)
            let pattern = /^<div( class="important")?>\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d \[(\w+)\] (.*) \((.*)\)<\/div>$/
            let first = try #require(shown.first.flatMap { try? pattern.wholeMatch(in: $0) })
            #expect(first.output.1 != nil && first.output.2 == "API")
            #expect(first.output.3 == "Smartcard 2100000001. name=&lt;script&gt;alert(1)&lt;/script&gt;")
            let second = try #require(try? pattern.wholeMatch(in: shown[1]))
            #expect(second.output.1 == nil && second.output.2 == "oper" && second.output.4 == "10.0.0.1")
            #expect(!page.body.contains("<script>alert(1)"))
            let reflected = try stack.panel("/cas/?op=log&s=\(WebStack.encode("\"><script>alert(1)</script>"))", basic: Self.adminBasic)
            #expect(reflected.status == 200)
            #expect(!reflected.body.contains("<script>alert(1)"))
            #expect(reflected.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let oper = try stack.panel("/?op=log", basic: Self.operBasic)
            #expect(oper.status == 303)
            #expect(oper.headers["location"] == "/?op=smartcards")
        }
    }

    @Test("filters by type, user, time range and text with highlighting; a bad date is a clear 400; 50 a page with an Older link")
    func filtersAndPages() throws {
        try withStack { stack in
            var values: [String] = []
            for index in 0..<60 {
                values.append(
                    "('Line \(index)', \(index % 10 == 0 ? 1 : 0), '\(index % 2 == 0 ? "admin" : "oper")', \(1_600_000_000 + index * 60), '10.0.0.\(index)')"
                )
            }
            try stack.sql("DELETE FROM tvcas_logs; INSERT INTO tvcas_logs (msg, type, user, time, ip) VALUES \(values.joined(separator: ","));")
            let first = try stack.panel("/cas/?op=log", basic: Self.adminBasic)
            let firstLines = lines(first.body)
            #expect(firstLines.count == 50)
            #expect(firstLines.first?.contains("Line 59") == true)
            let older = try #require(first.body.firstMatch(of: /href="(\/cas\/\?op=log&amp;before=\d+)">Older/)?.output.1)
            let second = try stack.panel(String(older).replacingOccurrences(of: "&amp;", with: "&"), basic: Self.adminBasic)
            #expect(lines(second.body).count == 10)
            #expect(lines(second.body).last?.contains("Line 0 ") == true)
            #expect(second.body.contains(">Newest</a>"))
            #expect(lines(try stack.panel("/cas/?op=log&type=1", basic: Self.adminBasic).body).count == 6)
            #expect(lines(try stack.panel("/cas/?op=log&user=oper", basic: Self.adminBasic).body).count == 30)
            let search = try stack.panel("/cas/?op=log&s=Line+4", basic: Self.adminBasic)
            #expect(lines(search.body).count == 11)
            #expect(search.body.contains(#"<span class="ins">Line 4</span>2"#))
            // The zone is the host's: find the range from the times the page itself prints.
            let all = lines(first.body)
            let stamp = { (line: String) in String(line.drop { $0 != ">" }.dropFirst().prefix(16)) }
            let from = stamp(all[49 - 20])
            let to = stamp(all[49 - 22])
            let ranged = try stack.panel("/cas/?op=log&from=\(WebStack.encode(from))&to=\(WebStack.encode(to))", basic: Self.adminBasic)
            #expect(lines(ranged.body).count == 3)
            let bad = try stack.panel("/cas/?op=log&from=31.02.2020", basic: Self.adminBasic)
            #expect(bad.status == 400)
            #expect(bad.body.contains("FROM must be a date as dd.mm.YYYY HH:MM."))
            #expect(try stack.panel("/cas/?op=log&type=7", basic: Self.adminBasic).status == 400)
            #expect(try stack.panel("/cas/?op=log&before=x", basic: Self.adminBasic).status == 400)
        }
    }

    @Test("clearing: a GET answers 405, confirm=clear asks, the POST needs the CSRF token and leaves a type-1 line; the operator cannot")
    func clear() throws {
        try withStack { stack in
            let count = try stack.sql("SELECT COUNT(*) FROM tvcas_logs")
            #expect(Int(count)! > 1000)
            let legacy = try stack.panel("/cas/?op=log&clear=1", basic: Self.adminBasic)
            #expect(legacy.status == 405)
            #expect(legacy.body.contains(#"name="clear" value="1""#))
            let confirm = try stack.panel("/cas/?op=log&confirm=clear", basic: Self.adminBasic)
            #expect(confirm.status == 200)
            #expect(confirm.body.contains("Really clear the whole log (\(count) entries)?"))
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs") == count)
            #expect(try stack.panel("/cas/?op=log", form: [("clear", "1")], basic: Self.adminBasic).status == 403)
            #expect(try stack.panel("/cas/?op=log", form: [("csrf", "forged"), ("clear", "1")], basic: Self.adminBasic).status == 403)
            let operToken = try #require(WebStack.csrf(in: try stack.panel("/?op=ecmg", basic: Self.operBasic).body))
            #expect(try stack.panel("/?op=log", form: [("csrf", operToken), ("clear", "1")], basic: Self.operBasic).status == 403)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs") == count)
            let csrf = try #require(WebStack.csrf(in: confirm.body))
            let cleared = try stack.panel("/cas/?op=log", form: [("csrf", csrf), ("clear", "1")], basic: Self.adminBasic)
            #expect(cleared.status == 303)
            #expect(cleared.headers["location"] == "/cas/?op=log&cleared=\(count)")
            #expect(try stack.sql("SELECT msg, type, user FROM tvcas_logs") == "Clear log, \(count) entries removed\t1\tadmin")
            let page = try stack.panel("/cas/?op=log&cleared=\(count)", basic: Self.adminBasic)
            #expect(page.body.contains("The log was cleared (\(count) entries removed)."))
            #expect(lines(page.body).count == 1)
        }
    }
}
