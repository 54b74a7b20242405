import Foundation
import SimulCrypt
import TVCASCore
import TVCASDatabase
import TVCASGenerators
import TVCASTesting
import Testing

/// The EMMG against real peers: PyPI `simulcrypt`'s `mux` simulator and a small MUX of our own,
/// with a real MariaDB. A proxy in front of the MUX records every byte the EMMG sends.
@Suite("EMMG over TCP", .serialized)
struct EMMGMUXTests {
    /// Cards with mixed rights; two invalid rows among them.
    static func cards(count: Int, now: UInt32) -> [Card] {
        (0..<count).map { index in
            let serial = UInt32(2_100_000_000 + index)
            var card = Card(
                serialNo: serial, key: String(format: "%08X", serial) + "00112233445566778899AABBCCDD".prefix(24),
                accessCriteria: String(format: "%08X", UInt32(index * 0x0101_0101 & 0xFFFF_FFFF)), type: index % 3 == 0 ? 1 : 2,
                pair: Int32(index % 2), start: now - 86_400 - UInt32(index), finish: now + 86_400 * 30 + UInt32(index), editedAt: now - 100)
            if index == 3 { card.key = "NOT-HEX" }
            if index == 5 { card.finish = nil }
            return card
        }
    }

    static func rows(_ environment: EMMGTestEnvironment) async throws -> [UInt32: EMMCardRow] {
        let rows = try await environment.pool.withConnection {
            try $0.emmgFeed.cards(serials: (0..<64).map { UInt32(2_100_000_000 + $0) })
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.serialNo, $0) })
    }

    /// `cards` cards cycling slowly (a 600 s repetition) from an EMMG to the mux simulator behind a
    /// recording proxy; returns once the first EMM is on air, with the EMMG's id, the daemon, its
    /// task and the proxy's log of what it sent.
    static func slowCycle(
        _ environment: EMMGTestEnvironment, cards: Int, now: UInt32
    ) async throws -> (id: UInt32, daemon: EMMGDaemon, running: Task<Void, any Error>, log: String) {
        try await environment.pool.withConnection { try $0.cards.insert(Self.cards(count: cards, now: now)) }
        let muxPort = EMMGTestEnvironment.freePort()
        let proxyPort = EMMGTestEnvironment.freePort()
        try environment.startMUX(port: muxPort, output: environment.scratch.path("mux.out"))
        let log = environment.scratch.path("sent.log")
        try environment.startScript(PeerScripts.proxy, named: "proxy.py", arguments: ["\(proxyPort)", "\(muxPort)", log])
        let id = try await environment.insertEMMG(port: proxyPort, repetition: 600)
        let daemon = Self.daemon(environment, id: id, minimumRepetition: 60)
        let running = Task { try await daemon.run() }
        _ = await EMMGTestEnvironment.wait(seconds: 15) { !EMMGTestEnvironment.emms(environment.sentMessages(log: log)).isEmpty }
        return (id, daemon, running, log)
    }

    static func daemon(_ environment: EMMGTestEnvironment, id: UInt32, minimumRepetition: Int) -> EMMGDaemon {
        EMMGDaemon(
            options: EMMGDaemonOptions(
                id: id, stateDirectory: environment.scratch.path("state"), zone: .utc, changePollMilliseconds: 100, batchSize: 7,
                maxBackoffSeconds: 1, minimumRepetition: minimumRepetition),
            pool: environment.pool)
    }

    @Test("the mux simulator takes every EMM; each one decoded by the virtual card matches its card row; SIGTERM closes cleanly")
    func muxSimulator() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_mux")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        let cards = Self.cards(count: 20, now: now)
        try await environment.pool.withConnection { try $0.cards.insert(cards) }
        let muxPort = EMMGTestEnvironment.freePort()
        let proxyPort = EMMGTestEnvironment.freePort()
        let muxOutput = environment.scratch.path("mux.out")
        try environment.startMUX(port: muxPort, output: muxOutput)
        let log = environment.scratch.path("sent.log")
        try environment.startScript(PeerScripts.proxy, named: "proxy.py", arguments: ["\(proxyPort)", "\(muxPort)", log])
        let id = try await environment.insertEMMG(port: proxyPort, repetition: 2)
        let daemon = Self.daemon(environment, id: id, minimumRepetition: 2)
        let running = Task { try await daemon.run() }

        let rows = try await Self.rows(environment)
        let validSerials = Set(rows.values.filter { (try? DueCard(card: $0)) != nil }.map(\.serialNo))
        #expect(validSerials.count == 18)
        let allSeen = await EMMGTestEnvironment.wait(seconds: 30) {
            let serials = EMMGTestEnvironment.emms(environment.sentMessages(log: log)).map {
                Array($0[6..<10]).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            }
            return validSerials.isSubset(of: Set(serials))
        }
        #expect(allSeen)
        // The status columns and the runtime-state row are written within a second or two.
        let statusWritten = try await EMMGTestEnvironment.wait(seconds: 5) {
            try await environment.pool.withConnection { connection in
                let state = try connection.generatorStates.runtimeState(.emmg, id: id)
                let opened = try connection.emmgs.find(id: id)?.channelTimeOpen ?? 0
                return state?.skippedCards?.isEmpty == false && state?.cycleSeconds != nil && opened > 0
            }
        }
        #expect(statusWritten)
        daemon.requestShutdown()
        try await running.value

        let messages = environment.sentMessages(log: log)
        let types = messages.map(\.pdu.message.messageType)
        #expect(Array(types.prefix(3)) == [.channelSetup, .streamSetup, .streamBWRequest])
        #expect(Array(types.suffix(2)) == [.streamCloseRequest, .channelClose])
        for emm in EMMGTestEnvironment.emms(messages) {
            let serial = Array(emm[6..<10]).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard let row = rows[serial] else {
                Issue.record("EMM for unknown serial \(serial)")
                continue
            }
            #expect(CardCheck.problem(emm: emm, row: row) == nil, "card \(serial)")
        }
        let muxLog = (try? String(contentsOfFile: muxOutput, encoding: .utf8)) ?? ""
        #expect(muxLog.contains("DATA_PROVISION"))
        #expect(!muxLog.contains("_ERROR"), "\(muxLog.suffix(2000))")
        let state = try await environment.pool.withConnection { try $0.generatorStates.runtimeState(.emmg, id: id) }
        #expect(state?.skippedCards?.contains("2100000003 key") == true)
        #expect(state?.skippedCards?.contains("2100000005 dates") == true)
        let row = try await environment.pool.withConnection { try $0.emmgs.find(id: id) }
        #expect((row?.datagramCount ?? 0) > 0)
    }

    @Test("changes committed out of id order all reach the MUX ahead of a slow cycle of 100,000 cards, a revocation included")
    func changesOutOfOrder() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_changes")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        let (id, daemon, running, log) = try await Self.slowCycle(environment, cards: 100_000, now: now)

        // Transaction A takes the lower change id and commits last; B commits first with a higher id.
        let slow = Connection(settings: environment.settings)
        let fast = Connection(settings: environment.settings)
        defer {
            slow.close()
            fast.close()
        }
        let revoked: UInt32 = 2_100_000_030
        let renewed: UInt32 = 2_100_000_031
        let newFinish = now + 86_400 * 365
        try slow.begin()
        try slow.changeQueue.record(serial: renewed, fields: ["finish"], source: .api, requestID: .random(), at: now)
        _ = try fast.runTransaction { connection in
            _ = try connection.cards.updateSubscription(
                serial: revoked, accessCriteria: "000000FF", start: now - 86_400, finish: now - 60, editedAt: now)
            try connection.changeQueue.record(serial: revoked, fields: ["finish"], source: .api, requestID: .random(), at: now)
        }
        try await Task.sleep(nanoseconds: 1_500_000_000)
        _ = try slow.cards.updateSubscription(serial: renewed, accessCriteria: "0000FFFF", start: now - 86_400, finish: newFinish, editedAt: now)
        try slow.commit()
        let committedAt = Date()

        func sentRow(_ serial: UInt32, finish: UInt32) -> Bool {
            EMMGTestEnvironment.emms(environment.sentMessages(log: log)).contains { emm in
                guard Array(emm[6..<10]).reduce(UInt32(0), { $0 << 8 | UInt32($1) }) == serial,
                    let key = try? CardKey(hex: String(format: "%08X", serial) + "00112233445566778899AABB"),
                    let decoded = try? EMMDecoder(key: key).decode(emm)
                else { return false }
                return decoded.finishPlusOne == finish &+ 1
            }
        }
        let both = await EMMGTestEnvironment.wait(seconds: 10) { sentRow(revoked, finish: now - 60) && sentRow(renewed, finish: newFinish) }
        let latency = Date().timeIntervalSince(committedAt)
        #expect(both)
        print("EMMG change latency after commit: \(String(format: "%.2f", latency)) s (target 2 s)")
        daemon.requestShutdown()
        try await running.value
        // The cursor survives in the database and never moves past rows inside the 30 s window.
        let cursor = try await environment.pool.withConnection { try $0.changeQueue.cursor(emmgID: id) }
        #expect(cursor != nil)
    }

    @Test("a MUX that drops the connection mid-cycle: the EMMG reconnects and the cycle goes on where it was")
    func muxDropsConnection() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_drop")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        try await environment.pool.withConnection { try $0.cards.insert(Self.cards(count: 20, now: now)) }
        let muxPort = EMMGTestEnvironment.freePort()
        let proxyPort = EMMGTestEnvironment.freePort()
        let mux = try environment.startMUX(port: muxPort, output: environment.scratch.path("mux1.out"))
        let log = environment.scratch.path("sent.log")
        try environment.startScript(PeerScripts.proxy, named: "proxy.py", arguments: ["\(proxyPort)", "\(muxPort)", log])
        let id = try await environment.insertEMMG(port: proxyPort, repetition: 4)
        let daemon = Self.daemon(environment, id: id, minimumRepetition: 4)
        let running = Task { try await daemon.run() }
        // Connection 1 is before the drop; the proxy numbers every later attempt (some fail while the MUX is away).
        func serials(connection: Int?) -> [UInt32] {
            EMMGTestEnvironment.emms(environment.sentMessages(log: log).filter { connection == nil || (connection == 1) == ($0.connection == 1) })
                .map { Array($0[6..<10]).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
        }
        _ = await EMMGTestEnvironment.wait(seconds: 15) { serials(connection: 1).count >= 6 }
        kill(mux.processIdentifier, SIGKILL)
        mux.waitUntilExit()
        try await Task.sleep(nanoseconds: 1_000_000_000)
        try environment.startMUX(port: muxPort, output: environment.scratch.path("mux2.out"))
        let resumed = await EMMGTestEnvironment.wait(seconds: 20) { serials(connection: nil).count >= 40 && serials(connection: 2).count > 0 }
        daemon.requestShutdown()
        try await running.value
        #expect(resumed, "sent \(serials(connection: 1).count) before the drop, \(serials(connection: 2).count) after")
        // Resumed, not restarted: the first EMM after the reconnect is the card after the last one before it.
        let first = serials(connection: 1)
        let second = serials(connection: 2)
        if let last = first.last, let next = second.first {
            #expect(next > last || next == 2_100_000_000, "before \(last), after \(next)")
        }
        // Every valid card went out within two passes.
        #expect(Set(serials(connection: nil)).count >= 18)
    }

    @Test("a MUX of our own sends stream_close_request, then channel_close: answered, channel closed, reconnected each time")
    func closesFromTheMUX() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_close")
        defer { environment.tearDown() }
        let now = UInt32(Date().timeIntervalSince1970)
        try await environment.pool.withConnection { try $0.cards.insert(Self.cards(count: 10, now: now)) }
        let port = EMMGTestEnvironment.freePort()
        let log = environment.scratch.path("fakemux.log")
        try environment.startScript(PeerScripts.fakeMUX, named: "fakemux.py", arguments: ["\(port)", log])
        let id = try await environment.insertEMMG(port: port, repetition: 1)
        let daemon = Self.daemon(environment, id: id, minimumRepetition: 1)
        let running = Task { try await daemon.run() }
        let third = await EMMGTestEnvironment.wait(seconds: 30) {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("conn 3 recv 0x0211")
        }
        daemon.requestShutdown()
        try await running.value
        #expect(third)
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        // Connection 1: stream_close_request → stream_close_response, then our channel_close.
        let first = lines.filter { $0.hasPrefix("conn 1 ") }
        if let request = first.firstIndex(of: "conn 1 sent 0x0114") {
            #expect(Array(first[(request + 1)...].prefix(2)) == ["conn 1 recv 0x0115", "conn 1 recv 0x0014"])
        } else {
            Issue.record("no stream_close_request sent: \(first)")
        }
        // Connection 2: channel_close from the MUX, and the EMMG goes away and comes back.
        let second = lines.filter { $0.hasPrefix("conn 2 ") }
        #expect(second.contains("conn 2 sent 0x0014"))
        #expect(second.last == "conn 2 closed")
        #expect(lines.contains("conn 3 recv 0x0011"))
    }

    @Test("a row that is missing, disabled, deleted or not status 1 is refused")
    func refusedRows() async throws {
        let environment = try EMMGTestEnvironment(prefix: "emmg_refuse")
        defer { environment.tearDown() }
        let disabled = try await environment.pool.withConnection { try $0.emmgs.insert(EMMGRow(host: "127.0.0.1", port: 1, enable: 0)) }
        let inactive = try await environment.pool.withConnection { try $0.emmgs.insert(EMMGRow(host: "127.0.0.1", port: 1, status: 0, enable: 1)) }
        let deleted = try await environment.pool.withConnection { try $0.emmgs.insert(EMMGRow(host: "127.0.0.1", port: 1, deletedBy: 7, enable: 1)) }
        for (id, expected) in [
            (UInt32(999), EMMGStartError.missing(id: 999)), (disabled, .disabled(id: disabled)), (inactive, .notActive(id: inactive, status: 0)),
            (deleted, .deleted(id: deleted)),
        ] {
            await #expect(throws: expected) { try await Self.daemon(environment, id: id, minimumRepetition: 60).run() }
        }
    }
}
