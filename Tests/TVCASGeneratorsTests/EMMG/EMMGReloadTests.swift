import Foundation
import SimulCrypt
import TVCASDatabase
import TVCASGenerators
import TVCASTesting
import Testing

@Suite("EMMG watching its own row", .serialized)
struct EMMGReloadTests {
    @Test("reload = 1 is cleared and restarts the cycle; a new version with a new bandwidth reconnects with it")
    func reloadAndVersion() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_reload")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        try await environment.pool.withConnection { try $0.cards.insert(EMMGMUXTests.cards(count: 10, now: now)) }
        let muxPort = EMMGTestEnvironment.freePort()
        let proxyPort = EMMGTestEnvironment.freePort()
        try environment.startMUX(port: muxPort, output: environment.scratch.path("mux.out"))
        let log = environment.scratch.path("sent.log")
        try environment.startScript(PeerScripts.proxy, named: "proxy.py", arguments: ["\(proxyPort)", "\(muxPort)", log])
        let id = try await environment.insertEMMG(port: proxyPort, repetition: 60)
        let daemon = EMMGMUXTests.daemon(environment, id: id, minimumRepetition: 60)
        let running = Task { try await daemon.run() }
        #expect(await EMMGTestEnvironment.wait(seconds: 15) { !EMMGTestEnvironment.emms(environment.sentMessages(log: log)).isEmpty })

        _ = try await environment.pool.withConnection { try $0.execute("UPDATE tvcas_emmg SET reload = 1 WHERE id = ?", [id]) }
        let cleared = try await EMMGTestEnvironment.wait(seconds: 10) {
            try await environment.pool.withConnection { try $0.emmgs.find(id: id)?.reload == 0 }
        }
        #expect(cleared)

        _ = try await environment.pool.withConnection {
            try $0.execute("UPDATE tvcas_emmg SET bandwidth = 96, version = version + 1 WHERE id = ?", [id])
        }
        let reconnected = await EMMGTestEnvironment.wait(seconds: 15) {
            environment.sentMessages(log: log).contains { entry in
                if entry.connection > 1, case .streamBWRequest(let request) = entry.pdu.message { return request.bandwidth == 96 }
                return false
            }
        }
        daemon.requestShutdown()
        try await running.value
        #expect(reconnected)
        // The first connection was closed cleanly before the new one.
        let first = environment.sentMessages(log: log).filter { $0.connection == 1 }.map(\.pdu.message.messageType)
        #expect(Array(first.suffix(2)) == [.streamCloseRequest, .channelClose])
    }
}
