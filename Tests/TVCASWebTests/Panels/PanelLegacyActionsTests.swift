import Foundation
import TVCASTesting
import Testing

/// The original's AJAX posts to `?op=smartcards` (by row id, plain-text answers), list sorting
/// through nginx, and the pruning of idle sessions.
@Suite("Panels: the original's AJAX actions, sorting, idle session pruning")
struct PanelLegacyActionsTests: WebStackSuite {
    @Test("op=pair/type/remove and ac= by id answer the original's text, with log and change-queue rows; CSRF still needed")
    func legacyActions() throws {
        try withStack { stack in
            let page = try stack.panel("/cas/?op=smartcards", basic: Self.adminBasic)
            let token = try #require(WebStack.csrf(in: page.body))
            let id = try stack.sql("SELECT id FROM tvcas_smartcards WHERE serial_no = 2100000002")
            func post(_ fields: [(String, String)], basic: String = Self.adminBasic, csrf: String? = nil) throws -> PanelAnswer {
                try stack.panel("/cas/?op=smartcards", form: [("csrf", csrf ?? token)] + fields, basic: basic)
            }
            let pair = try post([("op", "pair"), ("id", id), ("val", "true")])
            #expect(pair.status == 200)
            #expect(pair.body == "1")
            #expect(try stack.sql("SELECT pair FROM tvcas_smartcards WHERE id = \(id)") == "1")
            #expect(
                try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit PAIR=1 for smartcard=2100000002' ORDER BY id DESC LIMIT 1") == "admin")
            let type = try post([("op", "type"), ("id", id), ("val", "true")])
            #expect(type.body == "1")
            #expect(try stack.sql("SELECT type FROM tvcas_smartcards WHERE id = \(id)") == "1")
            let before = try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE id = \(id)")
            let cycled = try post([("ac", before), ("id", id)])
            #expect(cycled.status == 200)
            #expect(cycled.body == (try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE id = \(id)")))
            #expect(cycled.body != before)
            #expect(try post([("op", "pair"), ("id", id), ("val", "maybe")]).status == 400)
            #expect(try post([("op", "pair"), ("id", "x")]).status == 400)
            #expect(try post([("op", "pair"), ("id", id), ("val", "false")], csrf: "forged").status == 403)
            // The operator may toggle pair, not type, and removes nothing.
            let operToken = try #require(WebStack.csrf(in: try stack.panel("/?op=smartcards", basic: Self.operBasic).body))
            let operType = try stack.panel(
                "/?op=smartcards", form: [("csrf", operToken), ("op", "type"), ("id", id), ("val", "false")], basic: Self.operBasic)
            #expect(operType.status == 403)
            let operRemove = try stack.panel("/?op=smartcards", form: [("csrf", operToken), ("op", "remove"), ("id", id)], basic: Self.operBasic)
            #expect(operRemove.status == 403)
            let removed = try post([("op", "remove"), ("id", id)])
            #expect(removed.body == "ok")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE id = \(id)") == "0")
            #expect(try stack.sql("SELECT type FROM tvcas_logs WHERE msg LIKE 'Remove smartcard 2100000002.%'") == "1")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE serial_no = 2100000002") == "3")
        }
    }

    @Test("op=sm answers the card form as the original's modal JSON: edit for both, add one and add several for the admin")
    func cardModal() throws {
        try withStack { stack in
            let token = try #require(WebStack.csrf(in: try stack.panel("/cas/?op=smartcards", basic: Self.adminBasic).body))
            func modal(
                _ value: String, base: String = "/cas/", basic: String = Self.adminBasic, csrf: String? = nil
            ) throws -> (Int, [String: String]) {
                let answer = try stack.panel("\(base)?op=smartcards", form: [("csrf", csrf ?? token), ("op", "sm"), ("val", value)], basic: basic)
                let object = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8))) as? [String: String] ?? [:]
                return (answer.status, object)
            }
            let (status, edit) = try modal("2100000003")
            #expect(status == 200)
            #expect(edit["status"] == "ok")
            #expect(edit["title"] == "Edit smartcard #210-000-000-3")
            #expect(edit["body"]?.contains(#"value="Vasya Nalivaykin""#) == true)
            #expect(edit["body"]?.contains(#"name="csrf" value="\#(token)""#) == true)
            let (_, add) = try modal("0")
            #expect(add["title"] == "Add new smartcard")
            let (_, many) = try modal("-1")
            #expect(many["title"] == "Add new smartcards")
            #expect(many["body"]?.contains(#"name="quantity" value="10""#) == true)
            #expect(try modal("2199999999").0 == 404)
            #expect(try modal("x").0 == 400)
            let operToken = try #require(WebStack.csrf(in: try stack.panel("/?op=smartcards", basic: Self.operBasic).body))
            let (operStatus, operEdit) = try modal("2100000003", base: "/", basic: Self.operBasic, csrf: operToken)
            #expect(operStatus == 200)
            #expect(operEdit["body"]?.contains(#"name="key""#) == false)
            #expect(try modal("0", base: "/", basic: Self.operBasic, csrf: operToken).0 == 403)
        }
    }

    @Test("sorting by a column through nginx: header links, the next page after the cursor, a bad sort is a 400")
    func sorting() throws {
        try withStack { stack in
            var values: [String] = []
            for index in 0..<40 {
                values.append("(\(2_101_000_000 + index), 'Sorted \(39 - index)', 'x', 'K', '00000001', 1, 0, \(1_600_000_000 + index % 5), 0)")
            }
            try stack.sql(
                "INSERT INTO tvcas_smartcards (serial_no, name, info, `key`, access_criteria, type, pair, start, finish) VALUES "
                    + values.joined(separator: ","))
            let list = try stack.panel("/cas/?op=smartcards", basic: Self.adminBasic)
            #expect(list.body.contains(#"<a href="/cas/?op=smartcards&amp;sort=finish" title="Sort by finish">finish</a>"#))
            #expect(list.body.contains(#"<a href="/cas/?op=smartcards&amp;sort=-serial_no" title="Sort by serial_no">serial_no</a> ▲"#))
            let byStart = try stack.panel("/cas/?op=smartcards&sort=-start", basic: Self.adminBasic)
            #expect(byStart.status == 200)
            let next = try #require(
                byStart.body.range(of: #"href="([^"]*after=[^"]*)""#, options: .regularExpression).map { String(byStart.body[$0]) })
            let link = String(next.dropFirst(6).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
            #expect(link.contains("sort=-start"))
            #expect(link.contains("at=%3D"))
            let second = try stack.panel(link, basic: Self.adminBasic)
            #expect(second.status == 200)
            let firstSerials = Self.serials(byStart.body)
            let secondSerials = Self.serials(second.body)
            #expect(firstSerials.count == 30)
            #expect(Set(firstSerials).isDisjoint(with: secondSerials))
            #expect(firstSerials.count + secondSerials.count == 46)
            #expect(try stack.panel("/cas/?op=smartcards&sort=info", basic: Self.adminBasic).status == 400)
            #expect(try stack.panel("/cas/?op=smartcards&sort=name&after=2100000001", basic: Self.adminBasic).status == 400)
            #expect(try stack.panel("/cas/?op=smartcards&sort=name&after=2100000001&at=%3DKitchen", basic: Self.adminBasic).status == 200)
            // SQL metacharacters and a trailing backslash in the cursor are only a value.
            let hostile = try stack.panel("/cas/?op=smartcards&sort=-name&after=2100000001&at=%3D%27%22%3B--%5C", basic: Self.adminBasic)
            #expect(hostile.status == 200)
            #expect(try stack.panel("/cas/?op=smartcards&sort=finish&after=2100000001&at=%3D1%20OR%201", basic: Self.adminBasic).status == 400)
        }
    }

    private static func serials(_ body: String) -> [String] {
        body.matches(of: /<td class="serial">([0-9-]+)<\/td>/).map { String($0.output.1) }
    }

    @Test("sessions idle past the timeout are deleted by the next request; live ones stay")
    func pruning() throws {
        try withStack { stack in
            let now = Int(Date().timeIntervalSince1970)
            try stack.sql(
                """
                INSERT INTO tvcas_sessions (id, role, csrf_token, ip, created_at, last_seen_at) VALUES
                ('stale', 'admin', 't1', '127.0.0.1', \(now - 864_000), \(now - 864_000)),
                ('live', 'oper', 't2', '127.0.0.1', \(now), \(now))
                """)
            #expect(try stack.panel("/cas/?op=login").status == 200)
            #expect(try stack.sql("SELECT id FROM tvcas_sessions ORDER BY id") == "live")
        }
    }
}
