import Foundation
import TVCASTesting
import Testing

/// The admin's `.bin` download and add-one-card, the stylesheet, and the `Secure` cookie over HTTPS.
@Suite("Panels: .bin download, add a card, assets, HTTPS cookie")
struct PanelCardToolsTests: WebStackSuite {
    private func authorization(_ credentials: String) -> [String: String] {
        ["Authorization": "Basic " + Data(credentials.utf8).base64EncodedString()]
    }

    @Test("the admin downloads a card's 90-byte .bin with the original's headers; the operator cannot; the download is logged")
    func cardBin() throws {
        try withStack { stack in
            let answer = try stack.fastCGI.send("/cas/", query: "op=smartcards&fm=2100000003", headers: authorization(Self.adminBasic))
            #expect(answer.status == 200)
            #expect(answer.headers["Content-Type"] == "application/octet-stream")
            #expect(answer.headers["Content-Disposition"] == "attachment; filename=210-000-000-3.bin")
            #expect(answer.headers["Content-Length"] == "90")
            #expect(answer.headers["Pragma"] == "public")
            #expect(answer.body.count == 90)
            #expect(Array(answer.body[0..<4]) == [0x7D, 0x2B, 0x75, 0x03])
            let key = try stack.sql("SELECT `key` FROM tvcas_smartcards WHERE serial_no = 2100000003")
            let keyHex = answer.body[74..<90].map { String(format: "%02X", $0) }.joined()
            #expect(keyHex == key.uppercased())
            #expect(answer.body[42..<74].map { String(format: "%02X", $0) }.joined() == Self.ecmKey)
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Took the firmware for smartcard 2100000003'") == "admin\t0")
            let oper = try stack.fastCGI.send("/", query: "op=smartcards&fm=2100000003", headers: authorization(Self.operBasic))
            #expect(oper.status == 404)
            #expect(try stack.fastCGI.send("/cas/", query: "op=smartcards&fm=2199999999", headers: authorization(Self.adminBasic)).status == 404)
            #expect(try stack.fastCGI.send("/cas/", query: "op=smartcards&fm=x1", headers: authorization(Self.adminBasic)).status == 400)
        }
    }

    @Test("the admin adds one card: next serial, a fresh 32-hex key, the log row and a change-queue row; the operator cannot")
    func addCard() throws {
        try withStack { stack in
            let highest = try stack.sql("SELECT MAX(serial_no) FROM tvcas_smartcards")
            let form = try stack.panel("/cas/?op=add", basic: Self.adminBasic)
            #expect(form.status == 200)
            #expect(form.body.contains("Add new smartcard"))
            #expect(form.body.contains("Attention! For convenience"))
            let token = try #require(WebStack.csrf(in: form.body))
            let saved = try stack.panel(
                "/cas/?op=add",
                form: [
                    ("csrf", token), ("name", "New <b>card</b>"), ("info", "Somewhere 1\\"), ("pkg[]", "1"), ("start", "01.01.2025 00:00"),
                    ("finish", "01.01.2026 00:00"), ("type", "1"),
                ], basic: Self.adminBasic)
            #expect(saved.status == 303)
            let serial = UInt32(highest)! + 1
            #expect(saved.headers["location"] == "/cas/?op=smartcards&added=\(serial)")
            let row = try stack.sql(
                "SELECT name, info, access_criteria, type, LENGTH(`key`), `key` REGEXP '^[0-9A-F]{32}$' FROM tvcas_smartcards WHERE serial_no = \(serial)"
            )
            #expect(row == "New <b>card</b>\tSomewhere 1\\\t00000002\t1\t32\t1")
            #expect(
                try stack.sql(
                    "SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Add new smartcard \(serial). Name:New <b>card</b>. Info:Somewhere 1\\\\.'") == "1")
            #expect(try stack.sql("SELECT source FROM tvcas_card_changes WHERE serial_no = \(serial)") == "panel")
            let operForm = try stack.panel("/?op=add", basic: Self.operBasic)
            #expect(operForm.status == 303)
            let operPage = try stack.panel("/?op=smartcards", basic: Self.operBasic)
            let operToken = try #require(
                WebStack.csrf(in: operPage.body) ?? WebStack.csrf(in: try stack.panel("/?op=card&serial_no=2100000003", basic: Self.operBasic).body))
            #expect(try stack.panel("/?op=add", form: [("csrf", operToken), ("name", "x")], basic: Self.operBasic).status == 403)
            #expect(try stack.sql("SELECT MAX(serial_no) FROM tvcas_smartcards") == String(serial))
        }
    }

    @Test("the admin removes a card after a confirmation, with the type-1 log row; the operator cannot")
    func removeCard() throws {
        try withStack { stack in
            let confirm = try stack.panel("/cas/?op=remove&serial_no=2100000002", basic: Self.adminBasic)
            #expect(confirm.status == 200)
            #expect(confirm.body.contains("Really remove smartcard 210-000-000-2 (Kitchen)?"))
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE serial_no = 2100000002") == "1")
            let token = try #require(WebStack.csrf(in: confirm.body))
            let operPage = try stack.panel("/?op=card&serial_no=2100000003", basic: Self.operBasic)
            let operToken = try #require(WebStack.csrf(in: operPage.body))
            #expect(try stack.panel("/?op=remove", form: [("csrf", operToken), ("serial_no", "2100000002")], basic: Self.operBasic).status == 403)
            #expect(try stack.panel("/cas/?op=remove", form: [("serial_no", "2100000002")], basic: Self.adminBasic).status == 403)
            let removed = try stack.panel("/cas/?op=remove", form: [("csrf", token), ("serial_no", "2100000002")], basic: Self.adminBasic)
            #expect(removed.status == 303)
            #expect(removed.headers["location"] == "/cas/?op=smartcards&removed=2100000002")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE serial_no = 2100000002") == "0")
            #expect(
                try stack.sql("SELECT type, user FROM tvcas_logs WHERE msg = 'Remove smartcard 2100000002. Name:Kitchen. Info:Moscow, Lenina st. 1'")
                    == "1\tadmin")
            #expect(try stack.panel("/cas/?op=remove", form: [("csrf", token), ("serial_no", "x")], basic: Self.adminBasic).status == 400)
        }
    }

    @Test("pair and protection toggles by POST: log rows, change queue; the admin's toggle moves start by 1 s; the operator has no protection")
    func toggles() throws {
        try withStack { stack in
            try stack.sql("UPDATE tvcas_smartcards SET pair = 0, type = 2, start = 1000 WHERE serial_no = 2100000004")
            let operList = try stack.panel("/?op=smartcards", basic: Self.operBasic)
            #expect(operList.body.contains(#"action="/?op=pair""#))
            #expect(!operList.body.contains(#"action="/?op=type""#))
            let operToken = try #require(WebStack.csrf(in: operList.body))
            let pairOn = try stack.panel("/?op=pair", form: [("csrf", operToken), ("serial_no", "2100000004"), ("val", "1")], basic: Self.operBasic)
            #expect(pairOn.status == 303)
            #expect(try stack.sql("SELECT pair, type, start FROM tvcas_smartcards WHERE serial_no = 2100000004") == "1\t2\t1000")
            #expect(
                try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit PAIR=1 for smartcard=2100000004' ORDER BY id DESC LIMIT 1") == "oper")
            #expect(
                try stack.panel("/?op=type", form: [("csrf", operToken), ("serial_no", "2100000004"), ("val", "1")], basic: Self.operBasic).status
                    == 403)
            let adminList = try stack.panel("/cas/?op=smartcards", basic: Self.adminBasic)
            let adminToken = try #require(WebStack.csrf(in: adminList.body))
            let typeOn = try stack.panel(
                "/cas/?op=type", form: [("csrf", adminToken), ("serial_no", "2100000004"), ("val", "1")], basic: Self.adminBasic)
            #expect(typeOn.status == 303)
            #expect(try stack.sql("SELECT pair, type, start FROM tvcas_smartcards WHERE serial_no = 2100000004") == "1\t1\t1001")
            #expect(
                try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit TYPE=1 for smartcard=2100000004' ORDER BY id DESC LIMIT 1") == "admin")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE serial_no = 2100000004 AND source = 'panel'") == "2")
            #expect(
                try stack.panel("/cas/?op=pair", form: [("csrf", adminToken), ("serial_no", "2100000004"), ("val", "yes")], basic: Self.adminBasic)
                    .status == 400)
            #expect(try stack.panel("/cas/?op=pair", form: [("serial_no", "2100000004"), ("val", "0")], basic: Self.adminBasic).status == 403)
        }
    }

    @Test("the admin names packages; the names show in the card form and the filter; the operator has no such page")
    func packageNames() throws {
        try withStack { stack in
            let page = try stack.panel("/cas/?op=packages", basic: Self.adminBasic)
            #expect(page.status == 200)
            #expect(page.body.contains(#"name="name[31]""#))
            let token = try #require(WebStack.csrf(in: page.body))
            let saved = try stack.panel(
                "/cas/?op=packages", form: [("csrf", token), ("name[0]", "Sport <HD>"), ("name[5]", "Kids' \\")], basic: Self.adminBasic)
            #expect(saved.status == 200)
            #expect(saved.body.contains("Package names saved."))
            #expect(try stack.sql("SELECT bit, name FROM tvcas_packages ORDER BY bit") == "0\tSport <HD>\n5\tKids' \\")
            let form = try stack.panel("/?op=card&serial_no=2100000003", basic: Self.operBasic)
            #expect(form.body.contains("0 Sport &lt;HD&gt;"))
            #expect(try stack.panel("/?op=packages", basic: Self.operBasic).status == 303)
            let operToken = try #require(WebStack.csrf(in: form.body))
            #expect(try stack.panel("/?op=packages", form: [("csrf", operToken), ("name[1]", "x")], basic: Self.operBasic).status == 403)
            let tooLong = try stack.panel(
                "/cas/?op=packages", form: [("csrf", token), ("name[2]", String(repeating: "n", count: 65))], basic: Self.adminBasic)
            #expect(tooLong.status == 400)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_packages WHERE bit = 2") == "0")
        }
    }

    @Test("the access-criteria quick toggle moves to the next value in use, wrapping; log row and change-queue row")
    func accessCriteriaCycle() throws {
        try withStack { stack in
            try stack.sql("UPDATE tvcas_smartcards SET access_criteria = 'FFFFFFFF'")
            try stack.sql("UPDATE tvcas_smartcards SET access_criteria = '0000abcd' WHERE serial_no = 2100000000")
            let list = try stack.panel("/?op=smartcards", basic: Self.operBasic)
            #expect(list.body.contains(#"action="/?op=ac""#))
            let token = try #require(WebStack.csrf(in: list.body))
            var seen: [String] = []
            for _ in 0..<4 {
                let answer = try stack.panel("/?op=ac", form: [("csrf", token), ("serial_no", "2100000001")], basic: Self.operBasic)
                #expect(answer.status == 303)
                seen.append(try stack.sql("SELECT access_criteria FROM tvcas_smartcards WHERE serial_no = 2100000001"))
            }
            // The cycle: 00000000, 0000ABCD, 11111111, FFFFFFFF (the card's own value stays in use elsewhere).
            #expect(seen == ["00000000", "0000ABCD", "11111111", "FFFFFFFF"])
            #expect(
                try stack.sql(
                    "SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Smartcard 2100000001. Name:Alexandr Zel. Info:Moscow, Zelenaya st. 23/2-9 Change access_criteria=11111111'"
                ) == "1")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE serial_no = 2100000001 AND fields = 'access_criteria'") == "4")
        }
    }

    @Test("every page warns while an ECMG's key differs from ecm_key (case-insensitively)")
    func ecmKeyWarning() throws {
        try withStack { stack in
            let before = try stack.panel("/?op=smartcards", basic: Self.operBasic)
            #expect(before.body.contains("ECM key doesnt match: ECMG_24, ECMG_26 encrypt with another key"))
            try stack.sql("UPDATE tvcas_ecmg SET `key` = LOWER('\(Self.ecmKey)')")
            let after = try stack.panel("/cas/?op=card&serial_no=2100000003", basic: Self.adminBasic)
            #expect(after.status == 200)
            #expect(!after.body.contains("ECM key doesnt match"))
        }
    }

    @Test("add many: consecutive serials, distinct keys, one log row each; then the labels page lists them in up to 5 columns")
    func addManyAndLabels() throws {
        try withStack { stack in
            let none = try stack.panel("/cas/?op=smartcards&print=1", basic: Self.adminBasic)
            #expect(none.body.contains("No new cards to print"))
            #expect(!(try stack.panel("/cas/?op=smartcards", basic: Self.adminBasic).body.contains("Print labels")))
            let first = UInt32(try stack.sql("SELECT MAX(serial_no) FROM tvcas_smartcards"))! + 1
            let form = try stack.panel("/cas/?op=add", basic: Self.adminBasic)
            #expect(form.body.contains(#"name="quantity""#))
            let token = try #require(WebStack.csrf(in: form.body))
            let tooMany = try stack.panel("/cas/?op=add", form: [("csrf", token), ("quantity", "1001")], basic: Self.adminBasic)
            #expect(tooMany.status == 400)
            #expect(tooMany.body.contains("QUANTITY must be a number from 1 to 1000."))
            let saved = try stack.panel("/cas/?op=add", form: [("csrf", token), ("name", "Batch"), ("quantity", "7")], basic: Self.adminBasic)
            #expect(saved.headers["location"] == "/cas/?op=smartcards&added=\(first)&count=7")
            #expect(
                try stack.sql("SELECT COUNT(*), COUNT(DISTINCT `key`), MIN(serial_no), MAX(serial_no) FROM tvcas_smartcards WHERE name = 'Batch'")
                    == "7\t7\t\(first)\t\(first + 6)")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg LIKE 'Add new smartcard %. Name:Batch. Info:%'") == "7")
            let list = try stack.panel("/cas/?op=smartcards&added=\(first)&count=7", basic: Self.adminBasic)
            #expect(list.body.contains("7 smartcards added, "))
            #expect(list.body.contains("Print labels"))
            let labels = try stack.panel("/cas/?op=smartcards&print=1", basic: Self.adminBasic)
            #expect(labels.body.contains("These are the newly added smart cards in the last 3 hours."))
            #expect(labels.body.components(separatedBy: "<td>").count - 1 == 4)
            #expect(labels.body.components(separatedBy: "<hr>").count - 1 == 7)
        }
    }

    @Test("the stylesheet comes from public/static through nginx")
    func stylesheet() throws {
        try withStack { stack in
            let css = try stack.panel("/static/tvcas.css")
            #expect(css.status == 200)
            #expect(css.body.contains(".panel-admin .navbar"))
        }
    }

    @Test("the session cookie gets Secure when nginx says HTTPS")
    func secureCookie() throws {
        try withStack { stack in
            let body = Data("user=oper&password=oper-test-password".utf8)
            let environment = [
                "REQUEST_METHOD": "POST", "SCRIPT_NAME": "/", "DOCUMENT_URI": "/", "REQUEST_URI": "/?op=login", "QUERY_STRING": "op=login",
                "SERVER_PROTOCOL": "HTTP/1.1", "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": "127.0.0.5", "HTTPS": "on",
                "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": String(body.count),
            ]
            let result = try Subprocess.run("cgi-fcgi", ["-bind", "-connect", stack.socketPath], input: body, environment: environment)
            let head = String(decoding: result.standardOutput, as: UTF8.self)
            #expect(head.contains("Status: 303"))
            #expect(head.contains("HttpOnly; SameSite=Strict; Secure"))
        }
    }
}
