import Foundation
import TVCASCore
import TVCASDatabase
import TVCASGenerators
import TVCASTesting
import Testing

@Suite("EMMG during a MariaDB outage", .serialized)
struct EMMGOutageTests {
    @Test("MariaDB gone: the EMMG keeps sending the EMMs it has; back: changes flow again")
    func outage() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_outage", privateServer: true)
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        try await environment.pool.withConnection { try $0.cards.insert(EMMGMUXTests.cards(count: 10, now: now)) }
        let muxPort = EMMGTestEnvironment.freePort()
        let proxyPort = EMMGTestEnvironment.freePort()
        try environment.startMUX(port: muxPort, output: environment.scratch.path("mux.out"))
        let log = environment.scratch.path("sent.log")
        try environment.startScript(PeerScripts.proxy, named: "proxy.py", arguments: ["\(proxyPort)", "\(muxPort)", log])
        let id = try await environment.insertEMMG(port: proxyPort, repetition: 2)
        let daemon = EMMGMUXTests.daemon(environment, id: id, minimumRepetition: 2)
        let running = Task { try await daemon.run() }
        func sent() -> [[UInt8]] { EMMGTestEnvironment.emms(environment.sentMessages(log: log)) }
        #expect(await EMMGTestEnvironment.wait(seconds: 15) { sent().count >= 12 })

        environment.server.shutdown()
        let atOutage = sent().count
        try await Task.sleep(nanoseconds: 4_000_000_000)
        let duringOutage = sent()[atOutage...]
        #expect(duringOutage.count >= 5, "EMMs sent during the outage: \(duringOutage.count)")
        // Only real cards' EMMs (re-sent), no placeholder.
        #expect(duringOutage.allSatisfy { Array($0[6..<10]) != [0x83, 0x21, 0x5F, 0xFF] })

        try environment.server.restart()
        let serial: UInt32 = 2_100_000_007
        let newFinish = now + 86_400 * 400
        let connection = Connection(settings: environment.settings)
        defer { connection.close() }
        _ = try connection.runTransaction { connection in
            _ = try connection.cards.updateSubscription(
                serial: serial, accessCriteria: "0000000F", start: now - 86_400, finish: newFinish, editedAt: now)
            try connection.changeQueue.record(serial: serial, fields: ["finish"], source: .panel, requestID: .random(), at: now)
        }
        let key = try CardKey(hex: String(format: "%08X", serial) + "00112233445566778899AABB")
        let changed = await EMMGTestEnvironment.wait(seconds: 20) {
            sent().contains { emm in
                Array(emm[6..<10]) == [0x7D, 0x2B, 0x75, 0x07] && (try? EMMDecoder(key: key).decode(emm))?.finishPlusOne == newFinish &+ 1
            }
        }
        #expect(changed)
        daemon.requestShutdown()
        try await running.value
    }
}
