import Foundation
import TVCASTesting
import Testing

/// The ECMG and EMMG pages through nginx → `tvcas web` → MariaDB: lists for both panels, the
/// admin's add/edit/remove, on/off and reload as POSTs, live status, the peer CW log.
@Suite("Panels: ECM and EMM generators")
struct PanelGeneratorTests: WebStackSuite {
    /// A page's CSRF token, read from a page of the same panel.
    private func token(_ stack: WebStack, _ target: String, basic: String) throws -> String {
        try #require(WebStack.csrf(in: try stack.panel(target, basic: basic).body))
    }

    @Test("both panels list the generators; the operator sees fewer columns and no edit links; peers from the original's serialized value")
    func lists() throws {
        try withStack { stack in
            let admin = try stack.panel("/cas/?op=ecmg", basic: Self.adminBasic)
            #expect(admin.status == 200)
            #expect(admin.body.contains("<th>Create</th><th>Moder</th>"))
            #expect(admin.body.contains("192.168.1.16:44390, cw=2000, ecm=2000"))
            #expect(admin.body.contains(#"href="/cas/?op=ecmg&amp;cwlog=24:29">[log]</a>"#))
            #expect(admin.body.contains(#"title="ECM key doesnt match""#))
            #expect(admin.body.contains(#"href="/cas/?op=ecmg&amp;edit=0">Add new</a>"#))
            #expect(admin.body.contains(#"href="/cas/?op=ecmg&amp;edit=26""#))
            let oper = try stack.panel("/?op=ecmg", basic: Self.operBasic)
            #expect(oper.status == 200)
            #expect(oper.body.contains("192.168.1.16:44390, cw=2000, ecm=2000"))
            #expect(!oper.body.contains("[log]"))
            #expect(!oper.body.contains("<th>Create</th>"))
            #expect(!oper.body.contains("edit="))
            #expect(oper.body.contains(#"name="sw" value="on""#) && oper.body.contains(#"name="sw" value="off""#))
            #expect(oper.body.contains(#"<form class="inline" method="post" action="/?op=ecmg">"#))
            #expect(!oper.body.contains(#"action="/?op=""#))
            let adminEMMG = try stack.panel("/cas/?op=emmg", basic: Self.adminBasic)
            #expect(adminEMMG.status == 200)
            #expect(adminEMMG.body.contains("<td>0x0b000001</td>"))
            #expect(adminEMMG.body.contains("<td>192.168.1.16</td><td>41000</td>"))
            #expect(adminEMMG.body.contains("<th>client_id</th>"))
            let operEMMG = try stack.panel("/?op=emmg", basic: Self.operBasic)
            #expect(operEMMG.status == 200)
            #expect(!operEMMG.body.contains("0x0b000001"))
            #expect(!operEMMG.body.contains("edit="))
            #expect(operEMMG.body.contains(#"<form class="inline" method="post" action="/?op=emmg">"#))
            #expect(operEMMG.body.contains("<td>18</td>"))
        }
    }

    @Test("live status from tvcas_generator_state: running since, host, pid, restarts, last error escaped, EMMG cycle, queue, skipped cards")
    func liveStatus() throws {
        try withStack { stack in
            let now = Int(Date().timeIntervalSince1970)
            try stack.sql(
                """
                INSERT INTO tvcas_generator_state (kind, generator_id, host, lease_until, pid, started_at, restarts, last_exit, last_error, updated_at)
                VALUES ('ecmg', 24, 'cas1', \(now + 10), 4242, \(now - 100), 2, 'exit 1', '<b>bind failed</b>', \(now));
                INSERT INTO tvcas_generator_state (kind, generator_id, host, lease_until, pid, started_at, restarts, cycle_seconds, queue_size,
                skipped_cards, peers, updated_at) VALUES ('emmg', 12, 'cas2', \(now + 10), 777, \(now - 50), 0, 42, 7,
                '2100000009 key is not 32 hex digits', '{"10.1.1.1:41000":{"datagram_count":99,"sock":1,"time":\(now)}}', \(now));
                INSERT INTO tvcas_generator_state (kind, generator_id, host, lease_until, pid, started_at, restarts, updated_at)
                VALUES ('ecmg', 26, 'cas1', 0, 99, 1, 0, 5);
                UPDATE tvcas_ecmg SET peers = '{"10.0.0.9:5000":{"cw_count":5,"ecm_count":6,"sock":3,"time":\(now)}}' WHERE id = 24;
                """)
            let ecmg = try stack.panel("/cas/?op=ecmg", basic: Self.adminBasic)
            #expect(ecmg.body.contains(#"<span class="running">running since Today at"#))
            #expect(ecmg.body.contains("on cas1 (pid 4242)"))
            #expect(ecmg.body.contains("restarts: 2"))
            #expect(ecmg.body.contains("last exit: exit 1"))
            #expect(ecmg.body.contains("last error: &lt;b&gt;bind failed&lt;/b&gt;"))
            #expect(ecmg.body.contains("10.0.0.9:5000, cw=5, ecm=6"))
            #expect(ecmg.body.contains("cwlog=24:3"))
            // A row not written for long is not running, whatever its pid says.
            #expect(ecmg.body.contains(#"<span class="stopped">stopped</span>"#))
            let emmg = try stack.panel("/?op=emmg", basic: Self.operBasic)
            #expect(emmg.body.contains("on cas2 (pid 777)"))
            #expect(emmg.body.contains("cycle: 42 s"))
            #expect(emmg.body.contains("queue: 7"))
            #expect(emmg.body.contains("skipped invalid cards: 2100000009 key is not 32 hex digits"))
            #expect(emmg.body.contains("10.1.1.1:41000, datagrams=99"))
        }
    }

    @Test(
        "the admin adds an ECMG: defaults from the last one with the next free port, the config's key, switched off, log row; busy port and bad values refused"
    )
    func addECMG() throws {
        try withStack { stack in
            let form = try stack.panel("/cas/?op=ecmg&edit=0", basic: Self.adminBasic)
            #expect(form.status == 200)
            #expect(form.body.contains("Add new ECMG"))
            #expect(form.body.contains(#"name="port" value="42002""#))
            #expect(form.body.contains(#"name="info" value="MY NEW ECMG""#))
            #expect(form.body.contains(#"name="timeout" value="60""#))
            let csrf = try #require(WebStack.csrf(in: form.body))
            let added = try stack.panel(
                "/cas/?op=ecmg",
                form: [
                    ("csrf", csrf), ("op", "add"), ("info", "<script>alert(1)</script>"), ("port", "42002"), ("timeout", "30"),
                    ("key", "FFFF"), ("enable", "1"),
                ], basic: Self.adminBasic)
            #expect(added.status == 303)
            let id = try stack.sql("SELECT MAX(id) FROM tvcas_ecmg")
            #expect(added.headers["location"] == "/cas/?op=ecmg&done=added&id=\(id)")
            #expect(
                try stack.sql("SELECT info, port, timeout, `key`, enable, c_time > 0, m_time = c_time FROM tvcas_ecmg WHERE id = \(id)")
                    == "<script>alert(1)</script>\t42002\t30\t\(Self.ecmKey)\t0\t1\t1")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Add new ECMG on port 42002'") == "admin\t0")
            let list = try stack.panel("/cas/?op=ecmg&done=added&id=\(id)", basic: Self.adminBasic)
            #expect(list.body.contains("ECMG_\(id) added (switched off)."))
            #expect(list.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!list.body.contains("<script>alert(1)"))
            let count = try stack.sql("SELECT COUNT(*) FROM tvcas_ecmg")
            let busy = try stack.panel(
                "/cas/?op=ecmg", form: [("csrf", csrf), ("op", "add"), ("info", "x"), ("port", "42000"), ("timeout", "60")], basic: Self.adminBasic)
            #expect(busy.status == 409)
            #expect(busy.body.contains("Port 42000 busy!"))
            #expect(try stack.sql("SELECT type FROM tvcas_logs WHERE msg = 'ERROR Add new ECMG on port 42000'") == "0")
            let bad = try stack.panel(
                "/cas/?op=ecmg", form: [("csrf", csrf), ("op", "add"), ("info", "x"), ("port", "abc"), ("timeout", "60")], basic: Self.adminBasic)
            #expect(bad.status == 400)
            #expect(bad.body.contains("PORT must be a number from 1 to 65535."))
            #expect(bad.body.contains(#"name="port" value="abc""#))
            let badTimeout = try stack.panel(
                "/cas/?op=ecmg", form: [("csrf", csrf), ("op", "add"), ("port", "42100"), ("timeout", "70000")], basic: Self.adminBasic)
            #expect(badTimeout.status == 400)
            #expect(badTimeout.body.contains("TIMEOUT must be a number of seconds from 0 to 65535."))
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_ecmg") == count)
        }
    }

    @Test("the admin edits an ECMG: whitelisted fields only, m_time, version + 1, log row; the key and enable stay")
    func editECMG() throws {
        try withStack { stack in
            let form = try stack.panel("/cas/?op=ecmg&edit=26", basic: Self.adminBasic)
            #expect(form.body.contains("Edit ECMG_26"))
            #expect(form.body.contains(#"name="port" value="42001""#))
            let csrf = try #require(WebStack.csrf(in: form.body))
            let saved = try stack.panel(
                "/cas/?op=ecmg",
                form: [
                    ("csrf", csrf), ("op", "edit"), ("id", "26"), ("info", "Backup"), ("port", "42005"), ("timeout", "61"),
                    ("run_on", "cas2"), ("key", "00"), ("enable", "1"), ("version", "1"),
                ], basic: Self.adminBasic)
            #expect(saved.status == 303)
            #expect(saved.headers["location"] == "/cas/?op=ecmg&done=edited&id=26")
            #expect(
                try stack.sql(
                    "SELECT info, port, timeout, run_on, version, enable, `key` = '7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE', m_time > 1597683041 FROM tvcas_ecmg WHERE id = 26"
                )
                    == "Backup\t42005\t61\tcas2\t10\t0\t1\t1")
            #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Edit ECMG_26. Info: Backup. Port: 42005'") == "admin")
            // Port 42000 is ECMG_24's, which may run on any host: busy.
            let busy = try stack.panel(
                "/cas/?op=ecmg", form: [("csrf", csrf), ("op", "edit"), ("id", "26"), ("port", "42000")], basic: Self.adminBasic)
            #expect(busy.status == 409)
            #expect(busy.body.contains("Port 42000 busy!"))
            #expect(try stack.sql("SELECT port, version FROM tvcas_ecmg WHERE id = 26") == "42005\t10")
            #expect(try stack.panel("/cas/?op=ecmg", form: [("csrf", csrf), ("op", "edit"), ("id", "999")], basic: Self.adminBasic).status == 404)
            #expect(try stack.panel("/cas/?op=ecmg", form: [("csrf", csrf), ("op", "edit"), ("id", "x")], basic: Self.adminBasic).status == 400)
        }
    }

    @Test("on/off and reload are POSTs for both panels with the original's log rows; a GET answers 405 with the POST form, a malformed id 400")
    func switches() throws {
        try withStack { stack in
            let legacy = try stack.panel("/?op=ecmg&sw=on&id=26", basic: Self.operBasic)
            #expect(legacy.status == 405)
            #expect(legacy.body.contains(#"name="sw" value="on""#) && legacy.body.contains(#"action="/?op=ecmg""#))
            #expect(try stack.sql("SELECT enable FROM tvcas_ecmg WHERE id = 26") == "0")
            let injected = try stack.panel("/?op=ecmg&sw=off&id=\(WebStack.encode("1;touch /tmp/tvcas-pwned"))", basic: Self.operBasic)
            #expect(injected.status == 400)
            #expect(!FileManager.default.fileExists(atPath: "/tmp/tvcas-pwned"))
            #expect(try stack.panel("/cas/?op=emmg&sw=maybe&id=12", basic: Self.adminBasic).status == 400)
            let csrf = try token(stack, "/?op=ecmg", basic: Self.operBasic)
            let on = try stack.panel("/?op=ecmg", form: [("csrf", csrf), ("sw", "on"), ("id", "26")], basic: Self.operBasic)
            #expect(on.status == 303)
            #expect(on.headers["location"] == "/?op=ecmg&done=on&id=26")
            #expect(try stack.sql("SELECT enable FROM tvcas_ecmg WHERE id = 26") == "1")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Start ECMG_26'") == "oper\t0")
            let off = try stack.panel("/?op=ecmg", form: [("csrf", csrf), ("sw", "off"), ("id", "26")], basic: Self.operBasic)
            #expect(off.status == 303)
            #expect(try stack.sql("SELECT enable FROM tvcas_ecmg WHERE id = 26") == "0")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Stop ECMG_26'") == "oper\t1")
            let adminToken = try token(stack, "/cas/?op=emmg", basic: Self.adminBasic)
            let emmgOff = try stack.panel("/cas/?op=emmg", form: [("csrf", adminToken), ("sw", "off"), ("id", "12")], basic: Self.adminBasic)
            #expect(emmgOff.status == 303)
            #expect(try stack.sql("SELECT enable FROM tvcas_emmg WHERE id = 12") == "0")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Stop EMMG_12' ORDER BY id DESC LIMIT 1") == "admin\t1")
            let reload = try stack.panel("/?op=emmg", form: [("csrf", csrf), ("op", "reload"), ("id", "12")], basic: Self.operBasic)
            #expect(reload.status == 303)
            #expect(try stack.sql("SELECT reload, version FROM tvcas_emmg WHERE id = 12") == "1\t8")
            #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg = 'Reload EMMG_12'") == "oper")
            let page = try stack.panel("/?op=emmg&done=reload&id=12", basic: Self.operBasic)
            #expect(page.body.contains("EMMG_12 asked to reload"))
            #expect(try stack.panel("/?op=ecmg", form: [("csrf", csrf), ("sw", "on"), ("id", "999")], basic: Self.operBasic).status == 404)
            #expect(try stack.panel("/?op=ecmg&reload=1&id=24", basic: Self.operBasic).status == 405)
        }
    }

    @Test("with a login session: the operator switches an EMMG with the session's token; another session's token is refused")
    func sessionSwitch() throws {
        try withStack { stack in
            let cookie = try stack.login("oper", password: "oper-test-password")
            let list = try stack.panel("/?op=emmg", cookie: cookie)
            #expect(list.status == 200)
            let csrf = try #require(WebStack.csrf(in: list.body))
            let other = try #require(
                WebStack.csrf(in: try stack.panel("/?op=emmg", cookie: try stack.login("oper", password: "oper-test-password")).body))
            #expect(other != csrf)
            #expect(try stack.panel("/?op=emmg", form: [("csrf", other), ("sw", "off"), ("id", "12")], cookie: cookie).status == 403)
            #expect(try stack.sql("SELECT enable FROM tvcas_emmg WHERE id = 12") == "1")
            let off = try stack.panel("/?op=emmg", form: [("csrf", csrf), ("sw", "off"), ("id", "12")], cookie: cookie)
            #expect(off.status == 303)
            #expect(try stack.sql("SELECT enable FROM tvcas_emmg WHERE id = 12") == "0")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Stop EMMG_12' ORDER BY id DESC LIMIT 1") == "oper\t1")
        }
    }

    @Test("CSRF missing or forged changes nothing; the operator cannot add, edit, remove or see the CW log")
    func refusals() throws {
        try withStack { stack in
            let before = try stack.sql("SELECT COUNT(*) FROM tvcas_logs")
            #expect(try stack.panel("/?op=ecmg", form: [("sw", "on"), ("id", "26")], basic: Self.operBasic).status == 403)
            #expect(try stack.panel("/?op=ecmg", form: [("csrf", "forged"), ("sw", "on"), ("id", "26")], basic: Self.operBasic).status == 403)
            #expect(
                try stack.panel("/cas/?op=emmg", form: [("csrf", "forged"), ("op", "remove"), ("id", "12")], basic: Self.adminBasic).status == 403)
            let adminToken = try token(stack, "/cas/?op=ecmg", basic: Self.adminBasic)
            #expect(try stack.panel("/?op=ecmg", form: [("csrf", adminToken), ("sw", "on"), ("id", "26")], basic: Self.operBasic).status == 403)
            #expect(try stack.sql("SELECT enable FROM tvcas_ecmg WHERE id = 26") == "0")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_emmg") == "1")
            let csrf = try token(stack, "/?op=ecmg", basic: Self.operBasic)
            for (page, action) in [("ecmg", "add"), ("ecmg", "edit"), ("ecmg", "remove"), ("emmg", "add"), ("emmg", "edit"), ("emmg", "remove")] {
                let answer = try stack.panel(
                    "/?op=\(page)", form: [("csrf", csrf), ("op", action), ("id", page == "ecmg" ? "24" : "12"), ("port", "1")],
                    basic: Self.operBasic)
                #expect(answer.status == 403, "\(page) \(action)")
            }
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs") == before)
            #expect(try stack.sql("SELECT port FROM tvcas_ecmg WHERE id = 24") == "42000")
            #expect(try stack.panel("/?op=ecmg&edit=0", basic: Self.operBasic).status == 303)
            #expect(try stack.panel("/?op=ecmg&cwlog=24:29", basic: Self.operBasic).status == 303)
            #expect(try stack.panel("/?op=emmg&remove=12", basic: Self.operBasic).status == 303)
        }
    }

    @Test("the admin removes an ECMG after a confirmation: Stop (type 1) and Remove log rows; the peer CW log shows the last 30 lines")
    func removeECMGAndCWLog() throws {
        try withStack { stack in
            let log = try stack.panel("/cas/?op=ecmg&cwlog=24:29", basic: Self.adminBasic)
            #expect(log.status == 200)
            #expect(log.body.components(separatedBy: ", Access criteria: ").count - 1 == 30)
            let newest = try stack.sql("SELECT cw1 FROM tvcas_ecmg_log WHERE ecmg_id = 24 AND sock = 29 ORDER BY id DESC LIMIT 1")
            let lastLine = try #require(log.body.components(separatedBy: ", Access criteria: ").last)
            #expect(lastLine.contains(newest))
            #expect(try stack.panel("/cas/?op=ecmg&cwlog=\(WebStack.encode("24' UNION SELECT 1"))", basic: Self.adminBasic).status == 400)
            #expect(try stack.panel("/cas/?op=ecmg&cwlog=24:29:1", basic: Self.adminBasic).status == 400)
            // The original's polling POST with SQL in its fields (security.md D4) is no action here.
            let csrf0 = try token(stack, "/cas/?op=ecmg", basic: Self.adminBasic)
            let injected = try stack.panel(
                "/cas/?op=ecmg",
                form: [
                    ("csrf", csrf0), ("log", "update"), ("ecmg_id", "0' UNION SELECT `key`,1,1,1,1,1,1 FROM tvcas_smartcards -- "), ("sock", "1"),
                ],
                basic: Self.adminBasic)
            #expect(injected.status == 400)
            let someKey = try stack.sql("SELECT `key` FROM tvcas_smartcards WHERE `key` <> '' LIMIT 1")
            #expect(!injected.body.contains(someKey))
            #expect(try stack.panel("/cas/?op=ecmg&cwlog=24:7", basic: Self.adminBasic).body.contains("No control words logged"))
            let confirm = try stack.panel("/cas/?op=ecmg&remove=24", basic: Self.adminBasic)
            #expect(confirm.status == 200)
            #expect(confirm.body.contains("Really remove ECMG_24 (MY NEW ECMG, port 42000)?"))
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_ecmg WHERE id = 24") == "1")
            let csrf = try #require(WebStack.csrf(in: confirm.body))
            let removed = try stack.panel("/cas/?op=ecmg", form: [("csrf", csrf), ("op", "remove"), ("id", "24")], basic: Self.adminBasic)
            #expect(removed.status == 303)
            #expect(removed.headers["location"] == "/cas/?op=ecmg&done=removed&id=24")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_ecmg WHERE id = 24") == "0")
            #expect(try stack.sql("SELECT type FROM tvcas_logs WHERE msg = 'Stop ECMG_24'") == "1")
            #expect(try stack.sql("SELECT type FROM tvcas_logs WHERE msg = 'Remove ECMG_24 which had port 42000'") == "0")
            #expect(try stack.panel("/cas/?op=ecmg", form: [("csrf", csrf), ("op", "remove"), ("id", "24")], basic: Self.adminBasic).status == 404)
        }
    }

    @Test("the admin adds, edits and removes an EMMG: defaults from the last one, hex client_id, version + 1, the cursor deleted with it")
    func emmgLifecycle() throws {
        try withStack { stack in
            let form = try stack.panel("/cas/?op=emmg&edit=0", basic: Self.adminBasic)
            #expect(form.body.contains("Add new EMMG"))
            #expect(form.body.contains(#"name="host" value="192.168.1.16""#))
            #expect(form.body.contains(#"name="port" value="41000""#))
            #expect(form.body.contains(#"name="client_id" value="0b000001""#))
            let csrf = try #require(WebStack.csrf(in: form.body))
            let hostile = "\"><img src=x onerror=alert(1)>"
            let added = try stack.panel(
                "/cas/?op=emmg",
                form: [
                    ("csrf", csrf), ("op", "add"), ("info", hostile), ("host", "mux1.example"), ("port", "41001"), ("client_id", "0B000002"),
                    ("timeout", "60"), ("enable", "1"),
                ], basic: Self.adminBasic)
            #expect(added.status == 303)
            let id = try stack.sql("SELECT MAX(id) FROM tvcas_emmg")
            #expect(
                try stack.sql("SELECT info, host, port, client_id, enable FROM tvcas_emmg WHERE id = \(id)")
                    == "\(hostile)\tmux1.example\t41001\t184549378\t0")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Add new EMMG_\(id). Info: \(hostile)'") == "1")
            let list = try stack.panel("/cas/?op=emmg", basic: Self.adminBasic)
            #expect(!list.body.contains("<img src=x"))
            #expect(list.body.contains("&lt;img src=x onerror=alert(1)&gt;"))
            let bad = try stack.panel(
                "/cas/?op=emmg", form: [("csrf", csrf), ("op", "add"), ("client_id", "0b00000g")], basic: Self.adminBasic)
            #expect(bad.status == 400)
            #expect(bad.body.contains("CLIENT_ID must be 1 to 8 hex digits"))
            let badHost = try stack.panel("/cas/?op=emmg", form: [("csrf", csrf), ("op", "add"), ("host", "a b")], basic: Self.adminBasic)
            #expect(badHost.status == 400)
            #expect(badHost.body.contains("HOST must be a host name or an IP address"))
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_emmg") == "2")
            let edited = try stack.panel(
                "/cas/?op=emmg",
                form: [
                    ("csrf", csrf), ("op", "edit"), ("id", "12"), ("info", "Main"), ("host", "mux2"), ("port", "41005"), ("client_id", "0b0000ff"),
                ],
                basic: Self.adminBasic)
            #expect(edited.status == 303)
            #expect(
                try stack.sql("SELECT info, host, port, client_id, version, enable FROM tvcas_emmg WHERE id = 12")
                    == "Main\tmux2\t41005\t184549631\t9\t1")
            #expect(try stack.sql("SELECT version FROM tvcas_emmg WHERE id = \(id)") == "8")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Edit EMMG_12. mux2:41005, Info: Main'") == "1")
            try stack.sql("INSERT INTO tvcas_emmg_cursor (emmg_id, last_change_id, updated_at) VALUES (\(id), 5, 1), (12, 5, 1)")
            let confirm = try stack.panel("/cas/?op=emmg&remove=\(id)", basic: Self.adminBasic)
            #expect(confirm.body.contains("Really remove EMMG_\(id)"))
            let removed = try stack.panel("/cas/?op=emmg", form: [("csrf", csrf), ("op", "remove"), ("id", id)], basic: Self.adminBasic)
            #expect(removed.status == 303)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_emmg WHERE id = \(id)") == "0")
            #expect(try stack.sql("SELECT emmg_id FROM tvcas_emmg_cursor") == "12")
            #expect(try stack.sql("SELECT type FROM tvcas_logs WHERE msg = 'Remove EMMG_\(id)'") == "0")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Stop EMMG_\(id)'") == "0")
        }
    }
}
