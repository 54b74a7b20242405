import Foundation
import SimulCrypt
import TVCASDatabase
import TVCASGenerators
import TVCASTesting
import Testing

/// `tvcas emmg` as a process: exit 3 for a row it may not run, `--metrics`, SIGTERM.
@Suite("tvcas emmg", .serialized)
struct EMMGCommandTests {
    static func config(_ environment: EMMGTestEnvironment) throws -> String {
        let text = """
            zone = "UTC"
            ecm_key = "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58"
            pass_admin = "Adm1n-secret"
            pass_oper = "oper-secret"
            api_key = "mysecretkey123"
            mysql_socket = "\(environment.server.socketPath)"
            mysql_user = "root"
            mysql_base = "\(environment.name)"
            state_dir = "\(environment.scratch.path("state"))"

            [web]
            secret = "0123456789abcdefghijklmnopqrstuv"

            [emmg]
            change_poll_ms = 100
            """
        let path = environment.scratch.path("tvcas.toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a missing row: message on stderr, exit status 3")
    func missingRow() throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_cli3")
        defer { environment.tearDown() }
        let result = try Subprocess.run(RepositoryPaths.tvcasExecutable.path, ["emmg", "--id", "4242", "--config", try Self.config(environment)])
        #expect(result.status == 3)
        #expect(result.errorOutput.contains("EMMG_4242"))
    }

    @Test("the process streams to the mux simulator, serves /metrics, and on SIGTERM closes stream and channel and exits 0")
    func processLifecycle() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_cli")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        try await environment.pool.withConnection { try $0.cards.insert(EMMGMUXTests.cards(count: 10, now: now)) }
        let muxPort = EMMGTestEnvironment.freePort()
        let proxyPort = EMMGTestEnvironment.freePort()
        try environment.startMUX(port: muxPort, output: environment.scratch.path("mux.out"))
        let log = environment.scratch.path("sent.log")
        try environment.startScript(PeerScripts.proxy, named: "proxy.py", arguments: ["\(proxyPort)", "\(muxPort)", log])
        let id = try await environment.insertEMMG(port: proxyPort, repetition: 60)
        let metricsPort = EMMGTestEnvironment.freePort()
        let process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["emmg", "--id", "\(id)", "--config", try Self.config(environment), "--metrics", "127.0.0.1:\(metricsPort)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(await EMMGTestEnvironment.wait(seconds: 20) { !EMMGTestEnvironment.emms(environment.sentMessages(log: log)).isEmpty })
        let metrics = try Subprocess.run("curl", ["-s", "http://127.0.0.1:\(metricsPort)/metrics"]).output
        #expect(metrics.contains("tvcas_emmg_datagrams_total"))
        kill(process.processIdentifier, SIGTERM)
        let exited = await EMMGTestEnvironment.wait(seconds: 10) { !process.isRunning }
        #expect(exited)
        #expect(process.terminationStatus == 0)
        let types = environment.sentMessages(log: log).map(\.pdu.message.messageType)
        #expect(Array(types.suffix(2)) == [.streamCloseRequest, .channelClose])
    }
}
