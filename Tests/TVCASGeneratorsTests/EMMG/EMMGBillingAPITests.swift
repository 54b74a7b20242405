import Foundation
import TVCASCore
import TVCASDatabase
import TVCASTesting
import Testing

/// A card changed through `/api.php` (the real `tvcas web`, over FastCGI) reaches the MUX within
/// 2 s while 100,000 other cards cycle.
@Suite(.serialized) struct EMMGBillingAPITests {
    @Test("a card updated through /api.php is on air within 2 s while 100,000 others cycle")
    func apiChangeReachesTheMUX() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_api")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        let (_, daemon, running, log) = try await EMMGMUXTests.slowCycle(environment, cards: 100_000, now: now)

        // The billing system's request, through the real responder.
        let web = try BillingWeb(environment: environment)
        defer { web.stop() }
        let serial: UInt32 = 2_100_050_000
        let newFinish = now + 86_400 * 400
        let (status, body) = try web.get("api_key=apikey-for-tests&serial_no=\(serial)&set[finish]=\(newFinish)")
        let answeredAt = Date()
        #expect(status == 200, "\(body)")
        #expect(body.contains("\"finish\":\"\(newFinish)\""))

        let key = try CardKey(hex: String(format: "%08X", serial) + "00112233445566778899AABB")
        let onAir = await EMMGTestEnvironment.wait(seconds: 10) {
            EMMGTestEnvironment.emms(environment.sentMessages(log: log)).contains { emm in
                Array(emm[6..<10]).reduce(UInt32(0), { $0 << 8 | UInt32($1) }) == serial
                    && (try? EMMDecoder(key: key).decode(emm))?.finishPlusOne == newFinish &+ 1
            }
        }
        let latency = Date().timeIntervalSince(answeredAt)
        print("EMMG: /api.php change on air after \(String(format: "%.2f", latency)) s (target 2 s)")
        #expect(onAir && latency <= 2, "on air: \(onAir), after \(latency) s")
        daemon.requestShutdown()
        try await running.value
    }
}

/// `tvcas web` on a unix socket of the test's scratch folder, called like nginx would with `cgi-fcgi`.
private final class BillingWeb {
    let process = Process()
    let socket: String

    init(environment: EMMGTestEnvironment) throws {
        socket = environment.scratch.path("web.sock")
        let config = environment.scratch.path("web.toml")
        try """
        ecm_key = "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58"
        pass_admin = "Adm1n-secret"
        pass_oper = "oper-secret"
        api_key = "apikey-for-tests"
        zone = "UTC"
        mysql_socket = "\(environment.server.socketPath)"
        mysql_user = "root"
        mysql_pass = ""
        mysql_base = "\(environment.name)"
        state_dir = "\(environment.scratch.path("web-state"))"

        [web]
        listen = "unix:\(socket)"
        workers = 2
        secret = "0123456789abcdefghijklmnopqrstuv"

        """.write(toFile: config, atomically: true, encoding: .utf8)
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["web", "--config", config]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline { usleep(20_000) }
    }

    func get(_ query: String) throws -> (status: Int, body: String) {
        let result = try Subprocess.run(
            "cgi-fcgi", ["-bind", "-connect", socket],
            environment: [
                "REQUEST_METHOD": "GET", "SCRIPT_NAME": "/api.php", "DOCUMENT_URI": "/api.php", "REQUEST_URI": "/api.php?" + query,
                "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1", "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": "127.0.0.9",
                "SERVER_NAME": "localhost", "SERVER_PORT": "80", "CONTENT_LENGTH": "0",
            ])
        let text = result.output
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status =
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("status:") }
            .flatMap { Int($0.split(separator: " ")[1]) } ?? 200
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
