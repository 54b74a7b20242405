import Foundation
import TVCASTesting
import Testing

/// The smartcards list and the card edit through nginx → `tvcas web` → MariaDB.
@Suite("Panels: smartcards list and edit")
struct PanelSmartcardsTests: WebStackSuite {
    @Test("search by serial prefix and by word prefix; a <script> search term is reflected escaped")
    func search() throws {
        try withStack { stack in
            let bySerial = try stack.panel("/?op=smartcards&s=210-000-000-3", basic: Self.operBasic)
            #expect(bySerial.body.contains("210-000-000-3"))
            #expect(!bySerial.body.contains("210-000-000-4"))
            let byWord = try stack.panel("/?op=smartcards&s=Nali", basic: Self.operBasic)
            #expect(byWord.body.contains(#"<td>Vasya <span class="ins">Nali</span>vaykin</td>"#))
            #expect(!byWord.body.contains("Kitchen"))
            let hostile = try stack.panel("/?op=smartcards&s=%3Cscript%3Ealert(1)%3C%2Fscript%3E%27%22%5C", basic: Self.operBasic)
            #expect(hostile.status == 200)
            #expect(!hostile.body.contains("<script>"))
            #expect(hostile.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("a contains search finds text inside words, takes %, _ and \\ literally")
    func containsSearch() throws {
        try withStack { stack in
            try stack.sql(
                #"INSERT INTO tvcas_smartcards (serial_no, name, info, `key`, access_criteria) VALUES (2103000001, 'Odd 100% _x_ a\\b', '', 'K', '00000001')"#
            )
            func names(_ term: String) throws -> Bool {
                try stack.panel("/?op=smartcards&contains=1&s=\(WebStack.encode(term))", basic: Self.operBasic).body.contains("210-300-000-1")
            }
            #expect(try names("0% _x_ a\\"))
            #expect(try !names("0%x"))
            #expect(try !names("a_b"))
            let byInside = try stack.panel("/?op=smartcards&contains=1&s=aliv", basic: Self.operBasic)
            #expect(byInside.body.contains(#"<td>Vasya N<span class="ins">aliv</span>aykin</td>"#))
            #expect(byInside.body.contains(#"name="contains" value="1" checked"#))
            let byWord = try stack.panel("/?op=smartcards&s=aliv", basic: Self.operBasic)
            #expect(!byWord.body.contains("Vasya N"))
        }
    }

    @Test("keyset pagination: a next link after the page's last serial, no COUNT")
    func pagination() throws {
        try withStack { stack in
            var values: [String] = []
            for index in 0..<40 { values.append("(\(2_101_000_000 + index), 'Bulk \(index)', 'x', 'K', '00000001', 1, 0, 0, 0)") }
            try stack.sql(
                "INSERT INTO tvcas_smartcards (serial_no, name, info, `key`, access_criteria, type, pair, start, finish) VALUES "
                    + values.joined(separator: ","))
            let first = try stack.panel("/cas/?op=smartcards&s=2101", basic: Self.adminBasic)
            #expect(first.body.contains("210-100-000-0"))
            #expect(first.body.contains("210-100-002-9"))
            #expect(!first.body.contains("210-100-003-0"))
            #expect(first.body.contains("?op=smartcards&amp;s=2101&amp;after=2101000029"))
            let second = try stack.panel("/cas/?op=smartcards&s=2101&after=2101000029", basic: Self.adminBasic)
            #expect(second.body.contains("210-100-003-0"))
            #expect(second.body.contains("210-100-003-9"))
            #expect(!second.body.contains("after=2101000039"))
            #expect(try stack.panel("/cas/?op=smartcards&after=x", basic: Self.adminBasic).status == 400)
        }
    }

    @Test("filters: active, expired, not yet started, by package; a bad filter is a 400")
    func filters() throws {
        try withStack { stack in
            try stack.sql(
                """
                INSERT INTO tvcas_smartcards (serial_no, name, info, `key`, access_criteria, type, pair, start, finish) VALUES
                (2102000001, 'Active', '', 'K', '00000001', 1, 0, 1, 4000000000),
                (2102000002, 'Expired', '', 'K', '00000002', 1, 0, 1, 1000),
                (2102000003, 'Upcoming', '', 'K', '80000008', 1, 0, 4000000000, 4100000000)
                """)
            func names(_ query: String) throws -> [String] {
                let body = try stack.panel("/?op=smartcards&s=2102\(query)", basic: Self.operBasic).body
                return ["Active", "Expired", "Upcoming"].filter { body.contains("<td>\($0)</td>") }
            }
            #expect(try names("") == ["Active", "Expired", "Upcoming"])
            #expect(try names("&state=active") == ["Active"])
            #expect(try names("&state=expired") == ["Expired"])
            #expect(try names("&state=upcoming") == ["Upcoming"])
            #expect(try names("&pkg=3") == ["Upcoming"])
            #expect(try names("&pkg=31") == ["Upcoming"])
            #expect(try names("&pkg=1&state=expired") == ["Expired"])
            #expect(try names("&pkg=1&state=active") == [])
            #expect(try stack.panel("/?op=smartcards&state=gone", basic: Self.operBasic).status == 400)
            #expect(try stack.panel("/?op=smartcards&pkg=32", basic: Self.operBasic).status == 400)
        }
    }

    @Test("edit by POST with the session's token: card, log row and change-queue row; escaped on the page")
    func editWithSession() throws {
        try withStack { stack in
            let cookie = try stack.login("oper", password: "oper-test-password")
            let form = try stack.panel("/?op=card&serial_no=2100000003", cookie: cookie)
            #expect(form.status == 200)
            #expect(form.body.contains("Edit smartcard #210-000-000-3"))
            #expect(!form.body.contains(#"name="key""#))
            let token = try #require(WebStack.csrf(in: form.body))
            let name = "<script>alert('x')</script>"
            let info = "a'b\"c;d%e`f -- DROP TABLE x; \\"
            let save = try stack.panel(
                "/?op=card&serial_no=2100000003",
                form: [
                    ("csrf", token), ("name", name), ("info", info), ("pkg[]", "0"), ("pkg[]", "4"), ("pkg[]", "31"),
                    ("ac_before", "FFFFFFFF"), ("access_criteria", "FFFFFFFF"), ("pair", "1"), ("start", "01.02.2024 10:00"),
                    ("finish", "01.02.2030 00:00"), ("key", "00000000000000000000000000000000"), ("type", "1"), ("serial_no", "2100000003"),
                ], cookie: cookie)
            #expect(save.status == 303)
            #expect(save.headers["location"] == "/?op=smartcards&edited=2100000003")
            let row = try stack.sql(
                "SELECT name, info, access_criteria, pair, HEX(`key`) = HEX('00000000000000000000000000000000') FROM tvcas_smartcards WHERE serial_no = 2100000003"
            )
            #expect(row == "\(name)\ta'b\"c;d%e`f -- DROP TABLE x; \\\t80000011\t1\t0")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Edit smartcard 2100000003'") == "oper\t0")
            let queued = try stack.sql("SELECT fields, source FROM tvcas_card_changes WHERE serial_no = 2100000003")
            #expect(queued.hasPrefix("name,info,access_criteria,"))
            #expect(queued.hasSuffix("\tpanel"))
            let list = try stack.panel("/?op=smartcards&edited=2100000003", cookie: cookie)
            #expect(list.body.contains("Smartcard 210-000-000-3 saved."))
            #expect(!list.body.contains("<script>alert"))
            #expect(list.body.contains("<td>&lt;script&gt;alert("))
            let again = try stack.panel("/?op=card&serial_no=2100000003", cookie: cookie)
            #expect(again.body.contains(#"value="80000011""#))
            #expect(again.body.contains(#"value="01.02.2024 10:00""#))
        }
    }

    @Test("a missing or forged CSRF token is refused and changes nothing; Basic uses the page's stateless token")
    func csrf() throws {
        try withStack { stack in
            let cookie = try stack.login("admin", password: "admin-test-password")
            let before = try stack.sql("SELECT name FROM tvcas_smartcards WHERE serial_no = 2100000001")
            #expect(try stack.panel("/cas/?op=card&serial_no=2100000001", form: [("name", "Evil")], cookie: cookie).status == 403)
            #expect(
                try stack.panel(
                    "/cas/?op=card&serial_no=2100000001", form: [("name", "Evil"), ("csrf", "0" + String(repeating: "a", count: 63))], cookie: cookie
                ).status == 403)
            #expect(try stack.panel("/cas/?op=card&serial_no=2100000001", form: [("name", "Evil")], basic: Self.adminBasic).status == 403)
            #expect(try stack.sql("SELECT name FROM tvcas_smartcards WHERE serial_no = 2100000001") == before)
            // A session token does not work for Basic, nor the other role's stateless token.
            let sessionPage = try stack.panel("/cas/?op=card&serial_no=2100000001", cookie: cookie)
            let sessionToken = try #require(WebStack.csrf(in: sessionPage.body))
            #expect(
                try stack.panel("/cas/?op=card&serial_no=2100000001", form: [("name", "Evil"), ("csrf", sessionToken)], basic: Self.adminBasic).status
                    == 403)
            let operPage = try stack.panel("/?op=card&serial_no=2100000001", basic: Self.operBasic)
            let operToken = try #require(WebStack.csrf(in: operPage.body))
            #expect(
                try stack.panel("/cas/?op=card&serial_no=2100000001", form: [("name", "Evil"), ("csrf", operToken)], basic: Self.adminBasic).status
                    == 403)
            // The admin's own stateless token works, and the admin may set type and key.
            let page = try stack.panel("/cas/?op=card&serial_no=2100000001", basic: Self.adminBasic)
            #expect(page.body.contains(#"name="key""#))
            let token = try #require(WebStack.csrf(in: page.body))
            let saved = try stack.panel(
                "/cas/?op=card&serial_no=2100000001",
                form: [("csrf", token), ("name", "Alexandr Zel"), ("key", "0123456789abcdef0123456789abcdef")], basic: Self.adminBasic)
            #expect(saved.status == 303)
            #expect(try stack.sql("SELECT `key`, type FROM tvcas_smartcards WHERE serial_no = 2100000001") == "0123456789ABCDEF0123456789ABCDEF\t2")
            #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit smartcard 2100000001'") == "admin")
        }
    }

    @Test("malformed id → 400, legacy GET with fields → 405 with a POST form, bad values → message and nothing changed")
    func refusals() throws {
        try withStack { stack in
            #expect(try stack.panel("/?op=card&serial_no=abc", basic: Self.operBasic).status == 400)
            #expect(try stack.panel("/?op=card&serial_no=2100000003%27%20OR%201=1", basic: Self.operBasic).status == 400)
            let legacy = try stack.panel("/?op=card&serial_no=2100000003&name=Evil", basic: Self.operBasic)
            #expect(legacy.status == 405)
            #expect(legacy.body.contains(#"<input type="hidden" name="name" value="Evil">"#))
            let page = try stack.panel("/?op=card&serial_no=2100000003", basic: Self.operBasic)
            let token = try #require(WebStack.csrf(in: page.body))
            let bad = try stack.panel(
                "/?op=card&serial_no=2100000003", form: [("csrf", token), ("name", "Evil"), ("access_criteria", "XYZ"), ("ac_before", "FFFFFFFF")],
                basic: Self.operBasic)
            #expect(bad.status == 400)
            #expect(bad.body.contains("ACCESS_CRITERIA must be 8 hex digits."))
            let badDate = try stack.panel(
                "/?op=card&serial_no=2100000003", form: [("csrf", token), ("start", "31.02.2024 10:00")], basic: Self.operBasic)
            #expect(badDate.body.contains("START must be a date as dd.mm.YYYY HH:MM."))
            // The operator cannot set key or type, whatever is posted.
            let keyBefore = try stack.sql("SELECT `key`, type FROM tvcas_smartcards WHERE serial_no = 2100000003")
            _ = try stack.panel(
                "/?op=card&serial_no=2100000003", form: [("csrf", token), ("key", "0123456789ABCDEF0123456789ABCDEF"), ("type", "1")],
                basic: Self.operBasic)
            #expect(try stack.sql("SELECT `key`, type FROM tvcas_smartcards WHERE serial_no = 2100000003") == keyBefore)
            #expect(try stack.sql("SELECT name FROM tvcas_smartcards WHERE serial_no = 2100000003") == "Vasya Nalivaykin")
        }
    }
}
