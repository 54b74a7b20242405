import Foundation
import TVCASTesting
import Testing

@Suite("The harness's private nginx")
struct NginxServerTests {
    @Test("serves public/ and is removed on stop")
    func servesStaticFiles() throws {
        let root = try ScratchDirectory(prefix: "tvcas-public")
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path("static"), withIntermediateDirectories: true)
        try "hello\n".write(toFile: root.path("static/hello.txt"), atomically: true, encoding: .utf8)
        let nginx = try NginxServer.start(fastCGIAddress: "127.0.0.1:1", publicDirectory: root.url)
        let body = try Subprocess.check("curl", ["-sS", "-D", "-", nginx.baseURL.appendingPathComponent("static/hello.txt").absoluteString]).output
        #expect(body.contains("200 OK"))
        #expect(body.contains("X-Content-Type-Options: nosniff"))
        #expect(body.hasSuffix("hello\n"))
        nginx.stop()
        #expect(!FileManager.default.fileExists(atPath: nginx.directory.url.path))
    }
}
