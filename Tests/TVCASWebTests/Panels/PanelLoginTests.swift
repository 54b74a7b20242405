import Foundation
import TVCASTesting
import Testing

/// Login, sessions, logout and the roles, through nginx → `tvcas web` → MariaDB.
@Suite("Panels: login, sessions, roles")
struct PanelLoginTests: WebStackSuite {
    static let admin = "admin-test-password"
    static let oper = "oper-test-password"

    @Test("a browser with neither Basic nor a session gets 303 to ?op=login; the form is served")
    func redirectsToLogin() throws {
        try withStack { stack in
            for (page, login) in [("/cas/?op=smartcards", "/cas/?op=login"), ("/?op=smartcards", "/?op=login"), ("/cas/", "/cas/?op=login")] {
                let answer = try stack.panel(page)
                #expect(answer.status == 303)
                #expect(answer.headers["location"] == login)
            }
            let form = try stack.panel("/cas/?op=login")
            #expect(form.status == 200)
            #expect(form.body.contains(#"name="password""#))
            #expect(form.body.contains("Admin Panel"))
            #expect(form.body.contains("<title>Login | TVCAS.COM</title>"))
        }
    }

    @Test("the login form makes a session (HttpOnly, SameSite=Strict, no Secure over HTTP) for its own panel only")
    func formLoginBothRoles() throws {
        try withStack { stack in
            let answer = try stack.panel("/cas/?op=login", form: [("user", "admin"), ("password", Self.admin)])
            #expect(answer.status == 303)
            #expect(answer.headers["location"] == "/cas/?op=smartcards")
            let setCookie = try #require(answer.headers["set-cookie"])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(setCookie.contains("Path=/cas"))
            #expect(!setCookie.contains("Secure"))
            let cookie = try #require(answer.cookie)
            let id = String(cookie.split(separator: "=")[1])
            #expect(id.count == 64)
            #expect(try stack.sql("SELECT role FROM tvcas_sessions WHERE id = '\(id)'") == "admin")
            let list = try stack.panel("/cas/?op=smartcards", cookie: cookie)
            #expect(list.status == 200)
            #expect(list.body.contains("Admin Panel"))
            #expect(list.body.contains("210-000-000-5"))
            #expect(list.body.contains(">type</a>"))
            #expect(list.body.contains("Download uploader"))
            // The admin's session does not open the operator panel (another cookie name there).
            #expect(try stack.panel("/?op=smartcards", cookie: cookie).status == 303)
            #expect(try stack.panel("/?op=smartcards", cookie: cookie.replacingOccurrences(of: "tvcas_admin", with: "tvcas_oper")).status == 303)

            let operCookie = try stack.login("oper", password: Self.oper)
            let operList = try stack.panel("/?op=smartcards", cookie: operCookie)
            #expect(operList.status == 200)
            #expect(operList.body.contains("Oper Panel"))
            #expect(!operList.body.contains(">type</a>"))
            #expect(!operList.body.contains("Download uploader"))
            #expect(
                try stack.panel("/cas/?op=smartcards", cookie: operCookie.replacingOccurrences(of: "tvcas_oper", with: "tvcas_admin")).status == 303)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'The user logged in to the oper panel' AND user = 'oper'") == "1")
        }
    }

    @Test("wrong user, wrong password, the other role's password: the same answer, a type-1 log row each")
    func failedLogins() throws {
        try withStack { stack in
            let attempts = [("admin", "nope"), ("oper", Self.admin), ("root", Self.admin)]
            var bodies: [String] = []
            for (user, password) in attempts {
                let answer = try stack.panel("/cas/?op=login", form: [("user", user), ("password", password)])
                #expect(answer.status == 401)
                #expect(answer.headers["set-cookie"] == nil)
                bodies.append(
                    answer.body.replacingOccurrences(of: #"generated at [0-9.]+ sec"#, with: "", options: .regularExpression)
                        .replacingOccurrences(of: #"Localtime: [0-9:]+"#, with: "", options: .regularExpression))
            }
            #expect(Set(bodies).count == 1)
            #expect(bodies[0].contains("Wrong user name or password."))
            #expect(
                try stack.sql(
                    "SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Login failed for the admin panel' AND type = 1 AND user = 'admin' AND ip = '127.0.0.1'"
                )
                    == "3")
            // Basic: the admin's credentials do not open the operator panel, and vice versa.
            // (Five failures from 127.0.0.1 in all: the next one would be paused.)
            let adminAtOper = try stack.panel("/?op=smartcards", basic: "admin:\(Self.admin)")
            #expect(adminAtOper.status == 401)
            #expect(adminAtOper.headers["www-authenticate"] == #"Basic realm="admin""#)
            #expect(try stack.panel("/cas/?op=smartcards", basic: "oper:\(Self.oper)").status == 401)
            #expect(try stack.panel("/cas/?op=smartcards", basic: "admin:\(Self.admin)").status == 429)
            #expect(
                try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg = 'Login failed for the oper panel' AND type = 1 AND user = 'oper'") == "1")
        }
    }

    @Test("Basic opens its own panel for that request only: no session, no cookie")
    func basicCreatesNoSession() throws {
        try withStack { stack in
            let admin = try stack.panel("/cas/?op=smartcards", basic: "admin:\(Self.admin)")
            #expect(admin.status == 200)
            #expect(admin.headers["set-cookie"] == nil)
            let oper = try stack.panel("/?op=smartcards", basic: "oper:\(Self.oper)")
            #expect(oper.status == 200)
            #expect(oper.headers["set-cookie"] == nil)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_sessions") == "0")
        }
    }

    @Test("five failures from an address pause it for a minute, even for the right password")
    func throttle() throws {
        try withStack { stack in
            let client = stack.fastCGI
            let body = Data("user=admin&password=wrong".utf8)
            for _ in 0..<5 {
                let answer = try client.send(
                    "/cas/", query: "op=login", method: "POST", body: body, contentType: "application/x-www-form-urlencoded",
                    remoteAddress: "10.9.9.9")
                #expect(answer.status == 401)
            }
            let right = Data("user=admin&password=\(Self.admin)".utf8)
            let paused = try client.send(
                "/cas/", query: "op=login", method: "POST", body: right, contentType: "application/x-www-form-urlencoded",
                remoteAddress: "10.9.9.9")
            #expect(paused.status == 429)
            let other = try client.send(
                "/cas/", query: "op=login", method: "POST", body: right, contentType: "application/x-www-form-urlencoded",
                remoteAddress: "10.9.9.10")
            #expect(other.status == 303)
        }
    }

    @Test("logout: GET answers 405 with a POST form; the POST ends the session; a session idle too long is over")
    func logoutAndIdle() throws {
        try withStack { stack in
            let cookie = try stack.login("admin", password: Self.admin)
            let get = try stack.panel("/cas/?op=logout", cookie: cookie)
            #expect(get.status == 405)
            #expect(get.body.contains(#"<form method="post" action="/cas/?op=logout">"#))
            let token = try #require(WebStack.csrf(in: get.body))
            #expect(try stack.panel("/cas/?op=smartcards", cookie: cookie).status == 200)
            #expect(try stack.panel("/cas/?op=logout", form: [("csrf", "forged")], cookie: cookie).status == 403)
            let post = try stack.panel("/cas/?op=logout", form: [("csrf", token)], cookie: cookie)
            #expect(post.status == 303)
            #expect(post.headers["location"] == "/cas/?op=login")
            #expect(post.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(try stack.panel("/cas/?op=smartcards", cookie: cookie).status == 303)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_sessions") == "0")

            let idle = try stack.login("oper", password: Self.oper)
            try stack.sql("UPDATE tvcas_sessions SET last_seen_at = last_seen_at - 31 * 60")
            #expect(try stack.panel("/?op=smartcards", cookie: idle).status == 303)
        }
    }
}
