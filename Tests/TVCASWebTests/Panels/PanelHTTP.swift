import Foundation
import TVCASTesting

/// One answer from nginx: status, headers (lowercased names; `set-cookie` lines joined by
/// newlines), body.
struct PanelAnswer {
    var status: Int
    var headers: [String: String]
    var body: String

    /// The `name=value` part of the first `Set-Cookie`, for sending back.
    var cookie: String? { headers["set-cookie"].map { String($0.prefix { $0 != ";" }) } }
}

extension WebStack {
    /// Sends a request to nginx with curl: `target` is the path and query (`/cas/?op=login`),
    /// `form` an urlencoded body (POST), `basic` `user:password`, `cookie` a `name=value`.
    func panel(
        _ target: String, method: String? = nil, form: [(String, String)]? = nil, basic: String? = nil, cookie: String? = nil
    ) throws -> PanelAnswer {
        var arguments = ["-sS", "-g", "-D", "-", "--max-time", "30", "-o", "-"]
        if let method { arguments += ["-X", method] }
        if let form {
            let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
            arguments += ["--data-raw", body]
        }
        if let basic { arguments += ["-u", basic] }
        if let cookie { arguments += ["-H", "Cookie: \(cookie)"] }
        arguments.append(nginx!.baseURL.absoluteString + target)
        let bytes = [UInt8](try Subprocess.check("curl", arguments).standardOutput)
        var split = bytes.count
        for index in 0..<max(0, bytes.count - 3) where bytes[index..<index + 4].elementsEqual([13, 10, 13, 10]) {
            split = index
            break
        }
        let head = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var parsed: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            parsed[name] = parsed[name].map { $0 + "\n" + value } ?? value
        }
        return PanelAnswer(status: status, headers: parsed, body: String(decoding: bytes[min(split + 4, bytes.count)...], as: UTF8.self))
    }

    /// Logs in with the form and returns the session cookie.
    func login(_ role: String, password: String) throws -> String {
        let base = role == "admin" ? "/cas/" : "/"
        let answer = try panel("\(base)?op=login", form: [("user", role), ("password", password)])
        guard answer.status == 303, let cookie = answer.cookie else {
            throw PanelTestFailure(text: "login as \(role): \(answer.status) \(answer.body)")
        }
        return cookie
    }

    /// The value of the first `name="csrf"` hidden field of a page.
    static func csrf(in body: String) -> String? {
        guard let range = body.range(of: #"name="csrf" value=""#) else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
}

/// A step of a panel test that could not go on.
struct PanelTestFailure: Error {
    let text: String
}
