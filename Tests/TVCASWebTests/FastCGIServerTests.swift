import Foundation
import Logging
import TVCASTesting
import TVCASWeb
import Testing

@Suite("The libfcgi responder, driven by cgi-fcgi", .serialized)
struct FastCGIServerTests {
    struct Boom: Error {}

    private static func router() -> Router {
        var router = Router(logger: Logger(label: "test"))
        router.add("/echo") { request in
            let form = try request.form()
            let name = request.query["set"]?.array?["name"]?.text ?? "-"
            let field = form.fields["field"]?.text ?? "-"
            let files = form.files.map { "\($0.fieldName)=\($0.fileName):\(String(decoding: $0.data, as: UTF8.self))" }.joined(separator: ",")
            let cookie = request.cookies["session"] ?? "-"
            return Response(contentType: "text/plain", text: "\(request.method) \(name) \(field) [\(files)] \(cookie)")
        }
        router.add("/fail") { _ in throw Boom() }
        router.add("/slow") { _ in
            var response = Response(contentType: "text/plain", text: "late")
            response.delay = .seconds(4)
            return response
        }
        router.add("/stream") { _ in
            Response(
                headers: [.init(name: "Content-Type", value: "text/csv")],
                body: .stream { writer in for line in 0..<1000 { try writer.write("line \(line)\n") } }
            )
        }
        return router
    }

    private static func withServer(workers: Int = 2, _ body: (FastCGIClient, FastCGIServer) throws -> Void) throws {
        let directory = try ScratchDirectory(prefix: "tvcas-fcgi")
        defer { directory.remove() }
        let path = directory.path("web.sock")
        let router = router()
        let server = FastCGIServer(
            configuration: .init(listen: .unix(path: path), workers: workers, maxBodyBytes: 1 << 16),
            logger: Logger(label: "test"),
            respond: { router.respond(to: $0) }
        )
        try server.start(handleSignals: false)
        defer {
            server.stop()
            server.wait()
        }
        try body(FastCGIClient(address: path), server)
    }

    @Test("query arrays, urlencoded bodies and cookies reach the handler")
    func parsing() throws {
        try Self.withServer { client, _ in
            let get = try client.send("/echo", query: "set[name]=Ivan+%D0%98", headers: ["Cookie": "a=1; session=ab%2Bc+d; session=x"])
            #expect(get.status == 200)
            #expect(get.text == "GET Ivan И - [] ab+c+d")
            let post = try client.send(
                "/echo", method: "POST", body: Data("field=x%20y&other=1".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(post.text == "POST - x y [] -")
        }
    }

    @Test("multipart bodies give fields and files")
    func multipart() throws {
        try Self.withServer { client, _ in
            let body =
                "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"cards.csv\"\r\nContent-Type: text/csv\r\n\r\na;b\r\n--XyZ--\r\n"
            let answer = try client.send("/echo", method: "POST", body: Data(body.utf8), contentType: "multipart/form-data; boundary=XyZ")
            #expect(answer.text == "POST - value [csv=cards.csv:a;b] -")
        }
    }

    @Test("a body over the limit gets 413")
    func bodyLimit() throws {
        try Self.withServer { client, _ in
            let answer = try client.send("/echo", method: "POST", body: Data(count: 70_000), contentType: "application/x-www-form-urlencoded")
            #expect(answer.status == 413)
        }
    }

    @Test("unknown paths get 404; a thrown error gets a 500 page with the request id and no internals")
    func errors() throws {
        try Self.withServer { client, _ in
            #expect(try client.send("/nothing").status == 404)
            let failure = try client.send("/fail")
            #expect(failure.status == 500)
            #expect(failure.text.contains("Request id: "))
            #expect(!failure.text.contains("Boom"))
        }
    }

    @Test("a streamed body arrives whole")
    func streaming() throws {
        try Self.withServer { client, _ in
            let answer = try client.send("/stream")
            #expect(answer.headers["Content-Type"] == "text/csv")
            #expect(answer.text.split(separator: "\n").count == 1000)
            #expect(answer.text.hasSuffix("line 999\n"))
        }
    }

    @Test("a delayed response holds no worker: with one worker, a later request is answered first")
    func delayHoldsNoWorker() throws {
        try Self.withServer(workers: 1) { client, _ in
            let done = LockedFlag()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                let answer = try? client.send("/slow")
                #expect(answer?.text == "late")
                done.set()
            }
            usleep(300_000)
            for _ in 0..<3 {
                let status = try client.send("/echo").status
                #expect(status == 200)
            }
            #expect(!done.value)
            group.wait()
            #expect(done.value)
        }
    }

    @Test("stop() lets delayed responses finish, then wait() returns")
    func stopFinishesInFlight() throws {
        try Self.withServer(workers: 1) { client, server in
            let group = DispatchGroup()
            let answer = LockedBox()
            DispatchQueue.global().async(group: group) { answer.set(try? client.send("/slow").text) }
            usleep(300_000)
            // One worker takes connections in order: once this is answered, /slow was accepted.
            _ = try client.send("/echo")
            server.stop()
            server.wait()
            group.wait()
            #expect(answer.value == "late")
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}

final class LockedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    func set(_ value: String?) { lock.withLock { stored = value } }
    var value: String? { lock.withLock { stored } }
}
