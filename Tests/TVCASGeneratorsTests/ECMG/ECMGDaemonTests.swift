import Foundation
import SimulCrypt
import TVCASCore
import TVCASGenerators
import TVCASTesting
import Testing

@Suite("tvcas ecmg as a process, with MariaDB", .serialized)
struct ECMGDaemonTests {
    typealias Support = ECMGTestSupport

    @Test("exit status 3 for a missing row, a disabled row, a row whose status is not 1, and a row with a bad key")
    func notConfigured() throws {
        let fixture = try ECMGDaemonFixture()
        #expect(try fixture.runToEnd(id: 999) == 3)
        #expect(fixture.log.contains("no such row"))
        let disabled = try fixture.insertRow { $0.enable = 0 }
        #expect(try fixture.runToEnd(id: disabled) == 3)
        let statusTwo = try fixture.insertRow { $0.status = 2 }
        #expect(try fixture.runToEnd(id: statusTwo) == 3)
        let badKey = try fixture.insertRow { $0.key = "12345" }
        #expect(try fixture.runToEnd(id: badKey) == 3)
        #expect(fixture.log.contains("not 64 hex digits"))
    }

    @Test("serves ECMs; writes touch_time, peers, its state row and the CW log; reloads its row; SIGTERM exits within 2 s")
    func running() async throws {
        let fixture = try ECMGDaemonFixture(configKey: String(repeating: "AB", count: 32))
        let id = try fixture.insertRow { $0.version = 4 }
        // A CW log row far older than cw_log_minutes (1): pruned in the first round.
        _ = try fixture.sql(
            "INSERT INTO tvcas_ecmg_log (access_criteria, cw1, cw2, sock, ecmg_id, time) VALUES ('00000001', '0000000000000001', '0000000000000002', 1, \(id), 1000)"
        )
        let metricsPort = freeLoopbackPort()
        try fixture.start(extra: ["--metrics", "127.0.0.1:\(metricsPort)"])
        try await fixture.waitUntilListening()
        #expect(fixture.log.contains("differs from the configuration's ecm_key"))

        let client = try await TestSCSClient(port: fixture.port)
        let status = try await client.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B01_0000)))
        guard case .channelStatus(let announced)? = status?.message else {
            Issue.record("no channel_status: \(String(describing: status))")
            return
        }
        #expect(announced.ecmRepPeriod == 200)
        _ = try await client.request(.streamSetup(.init(channelID: 0, streamID: 3, ecmID: 3, nominalCPDuration: 100)))
        for cp: UInt16 in 1...5 {
            let reply = try await client.request(Support.provision(stream: 3, cp: cp, cws: [0x1111 * UInt64(cp), 0x2222], ac: 0x00FF_0000))
            guard case .ecmResponse(let response)? = reply?.message else {
                Issue.record("no ECM_response for CP \(cp)")
                continue
            }
            #expect(try Support.decode(ecm: Array(response.ecmDatagram.readableBytesView), accessCriteria: 0x0001_0000) != nil)
        }
        #expect(fixture.log.contains("differs from ident"))
        let metrics = try Subprocess.run("curl", ["-s", "http://127.0.0.1:\(metricsPort)/metrics"]).output
        #expect(metrics.contains("tvcas_ecm_responses_total 5"), "metrics: \(metrics.prefix(2000))")
        #expect(metrics.contains("tvcas_ecm_response_seconds"))

        // The database side, within a few rounds of the worker.
        #expect(try fixture.eventually { try fixture.sql("SELECT COUNT(*) FROM tvcas_ecmg_log WHERE ecmg_id = \(id)") == "5" })
        #expect(try fixture.sql("SELECT COUNT(*) FROM tvcas_ecmg_log WHERE time = 1000") == "0")
        let logRow = try fixture.sql("SELECT access_criteria, cw1, cw2 FROM tvcas_ecmg_log WHERE ecmg_id = \(id) ORDER BY id LIMIT 1")
        // CP 1 is odd: cw1 (odd) is the current CW, cw2 (even) the next.
        #expect(logRow == "00FF0000\t0000000000001111\t0000000000002222")
        #expect(try fixture.eventually { try fixture.sql("SELECT touch_version FROM tvcas_ecmg WHERE id = \(id)") == "4" })
        let peers = try fixture.sql("SELECT peers FROM tvcas_ecmg WHERE id = \(id)")
        #expect(peers.contains("\"cw_count\":5"))
        #expect(peers.contains("\"ecm_count\":5"))
        #expect(peers.contains("127.0.0.1:"))
        let touch = UInt32(try fixture.sql("SELECT touch_time FROM tvcas_ecmg WHERE id = \(id)")) ?? 0
        #expect(touch > 1_700_000_000)
        #expect(try fixture.sql("SELECT peers FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(id)").contains("\"ecm_count\":5"))

        // reload = 1 with a new repetition period: applied to the next channel_setup, reload cleared.
        _ = try fixture.sql("UPDATE tvcas_ecmg SET repetition_period = 700, reload = 1 WHERE id = \(id)")
        #expect(try fixture.eventually { try fixture.sql("SELECT reload FROM tvcas_ecmg WHERE id = \(id)") == "0" })
        let old = try await client.request(.channelTest(.init(channelID: 0)))
        if case .channelStatus(let kept)? = old?.message { #expect(kept.ecmRepPeriod == 200) }
        let second = try await TestSCSClient(port: fixture.port)
        let fresh = try await second.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
        if case .channelStatus(let applied)? = fresh?.message { #expect(applied.ecmRepPeriod == 700) } else { Issue.record("no channel_status") }
        // A version change moves the listener to a new port.
        let newPort = freeLoopbackPort()
        _ = try fixture.sql("UPDATE tvcas_ecmg SET port = \(newPort), version = 5 WHERE id = \(id)")
        #expect(try fixture.eventually { try fixture.sql("SELECT touch_version FROM tvcas_ecmg WHERE id = \(id)") == "5" })
        let moved = try await TestSCSClient(port: newPort)
        #expect(try await moved.request(.channelSetup(.init(channelID: 1, superCASID: 0x0B00_0000)))?.message.messageType == .channelStatus)
        await moved.close()

        let (seconds, exitStatus) = fixture.stop()
        #expect(exitStatus == 0)
        #expect(seconds < 2)
        #expect(try await client.next() == nil)
        await client.close()
        await second.close()
    }

    @Test("MariaDB stopped during a run: ECM_responses continue; restarted, the CW log resumes; a start during the outage uses the saved row")
    func outage() async throws {
        let server = try MariaDBServer.start(tcp: false)
        defer { server.stop() }
        let fixture = try ECMGDaemonFixture(server: server)
        let id = try fixture.insertRow()
        try fixture.start()
        try await fixture.waitUntilListening()
        let client = try await TestSCSClient(port: fixture.port)
        _ = try await client.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
        _ = try await client.request(.streamSetup(.init(channelID: 0, streamID: 0, ecmID: 0, nominalCPDuration: 100)))
        server.shutdown()
        for cp: UInt16 in 1...20 {
            let reply = try await client.request(Support.provision(stream: 0, cp: cp, cws: [1, 2], ac: 1))
            #expect(reply?.message.messageType == .ecmResponse)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(fixture.log.contains("database unreachable"))
        try server.restart()
        for cp: UInt16 in 21...25 {
            #expect(try await client.request(Support.provision(stream: 0, cp: cp, cws: [1, 2], ac: 1))?.message.messageType == .ecmResponse)
        }
        #expect(try fixture.eventually(seconds: 15) { (Int(try fixture.sql("SELECT COUNT(*) FROM tvcas_ecmg_log WHERE ecmg_id = \(id)")) ?? 0) >= 5 })
        #expect(fixture.stop().status == 0)
        await client.close()

        // Started while MariaDB is down: from the saved copy.
        server.shutdown()
        try fixture.start()
        try await fixture.waitUntilListening()
        #expect(fixture.log.contains("saved copy"))
        let late = try await TestSCSClient(port: fixture.port)
        #expect(try await late.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))?.message.messageType == .channelStatus)
        await late.close()
        #expect(fixture.stop().status == 0)
    }
}
