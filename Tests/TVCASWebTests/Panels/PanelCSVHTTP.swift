import Foundation
import TVCASTesting

extension WebStack {
    /// Uploads `file` as the multipart field `loadfile` (with `csrf` when given) to `target`
    /// through nginx with curl.
    func upload(_ target: String, file: [UInt8], csrf: String?, basic: String) throws -> PanelAnswer {
        let path = directory.path("upload-\(UUID().uuidString).csv")
        try Data(file).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var arguments = [
            "-sS", "-g", "-D", "-", "--max-time", "120", "-o", "-", "-u", basic, "-H", "Expect:", "-F",
            "loadfile=@\(path);filename=import.csv;type=text/csv",
        ]
        if let csrf { arguments += ["--form-string", "csrf=\(csrf)"] }
        arguments.append(nginx!.baseURL.absoluteString + target)
        return try Self.answer(try Subprocess.check("curl", arguments).standardOutput)
    }

    /// A GET through nginx whose body is kept as bytes (a download).
    func download(_ target: String, basic: String) throws -> (answer: PanelAnswer, bytes: [UInt8]) {
        let output = try Subprocess.check(
            "curl", ["-sS", "-g", "-D", "-", "--max-time", "120", "-o", "-", "-u", basic, nginx!.baseURL.absoluteString + target]
        )
        .standardOutput
        let bytes = [UInt8](output)
        let split = Self.headEnd(bytes)
        return (try Self.answer(output), Array(bytes[min(split + 4, bytes.count)...]))
    }

    /// The CSRF token of the import form, fetched with Basic credentials.
    func importToken(base: String, basic: String) throws -> String {
        let page = try panel("\(base)?op=smartcards&csv=import", basic: basic)
        guard let token = WebStack.csrf(in: page.body) else { throw PanelTestFailure(text: "no CSRF token on the import form: \(page.body)") }
        return token
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int {
        for index in 0..<max(0, bytes.count - 3) where bytes[index..<index + 4].elementsEqual([13, 10, 13, 10]) { return index }
        return bytes.count
    }

    private static func answer(_ output: Data) throws -> PanelAnswer {
        let bytes = [UInt8](output)
        let split = headEnd(bytes)
        let head = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var parsed: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return PanelAnswer(status: status, headers: parsed, body: String(decoding: bytes[min(split + 4, bytes.count)...], as: UTF8.self))
    }
}
