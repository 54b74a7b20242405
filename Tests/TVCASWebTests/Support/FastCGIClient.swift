import Foundation
import TVCASTesting

/// Sends one request to a FastCGI responder with Debian's `cgi-fcgi`, the way nginx would.
struct FastCGIClient {
    /// What came back.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let address: String

    func send(
        _ path: String,
        query: String = "",
        method: String = "GET",
        body: Data? = nil,
        contentType: String? = nil,
        headers: [String: String] = [:],
        remoteAddress: String = "127.0.0.9"
    ) throws -> Answer {
        var environment = [
            "REQUEST_METHOD": method, "SCRIPT_NAME": path, "DOCUMENT_URI": path,
            "REQUEST_URI": query.isEmpty ? path : "\(path)?\(query)", "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1",
            "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": remoteAddress, "SERVER_NAME": "localhost", "SERVER_PORT": "80",
            "CONTENT_LENGTH": String(body?.count ?? 0),
        ]
        if let contentType { environment["CONTENT_TYPE"] = contentType }
        for (name, value) in headers { environment["HTTP_" + name.uppercased().replacingOccurrences(of: "-", with: "_")] = value }
        let result = try Subprocess.run("cgi-fcgi", ["-bind", "-connect", address], input: body ?? Data(), environment: environment)
        let raw = [UInt8](result.standardOutput)
        let separator: [UInt8] = [13, 10, 13, 10]
        var split = raw.count
        if raw.count >= 4 {
            for index in 0...(raw.count - 4) where Array(raw[index..<index + 4]) == separator {
                split = index
                break
            }
        }
        var status = 200
        var parsed: [String: String] = [:]
        for line in String(decoding: raw[..<split], as: UTF8.self).components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if name.lowercased() == "status" { status = Int(value.prefix(3)) ?? 0 } else { parsed[name] = value }
        }
        return Answer(status: status, headers: parsed, body: Array(raw[min(split + 4, raw.count)...]))
    }
}
