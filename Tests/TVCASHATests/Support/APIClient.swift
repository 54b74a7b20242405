import Foundation
import TVCASTesting

/// `GET /api.php` straight to a `tvcas web` responder's socket with `cgi-fcgi`, as nginx would send it.
struct APIClient: Sendable {
    let socketPath: String

    /// `GET /api.php?<query>` straight to the responder with `cgi-fcgi`, as nginx would send it.
    func get(_ query: String) throws -> (status: Int, body: String) {
        let environment = [
            "REQUEST_METHOD": "GET", "SCRIPT_NAME": "/api.php", "DOCUMENT_URI": "/api.php", "REQUEST_URI": "/api.php?\(query)",
            "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1", "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": "127.0.0.9",
            "SERVER_NAME": "localhost", "SERVER_PORT": "80", "CONTENT_LENGTH": "0", "HTTP_X_API_KEY": TVCASProcess.apiKey,
        ]
        let result = try Subprocess.run("cgi-fcgi", ["-bind", "-connect", socketPath], input: Data(), environment: environment)
        let text = result.output
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        var status = 200
        for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("status:") {
            status = Int(line.dropFirst(7).trimmingCharacters(in: .whitespaces).prefix(3)) ?? 0
        }
        if parts.count < 2 { status = 0 }
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
