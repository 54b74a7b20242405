import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("Queries on the logs, the generators and the change queue")
struct LogsAndQueueTests {
    @Test("Logs.append keeps an IPv6 address and cuts a long message at 250 characters")
    func logs() throws {
        let database = try TestDatabase.migrated(prefix: "logs")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try connection.logs.append(LogEntry(message: "Start ECMG_1", user: "cron", time: 100, ip: "127.0.0.1"))
        try connection.logs.append(
            LogEntry(message: String(repeating: "ж", count: 300), type: 1, user: "admin", time: 200, ip: "2001:db8:85a3::8a2e:370:7334"))
        let entries = try connection.logs.recent()
        #expect(entries.count == 2)
        #expect(entries[0].ip == "2001:db8:85a3::8a2e:370:7334")
        #expect(entries[0].message.count == 250)
        #expect(try connection.logs.recent(importantOnly: true).count == 1)
        #expect(try connection.logs.deleteOlder(than: 150) == 1)
    }

    @Test("generator rows and CW log entries round-trip")
    func generators() throws {
        let database = try TestDatabase.migrated(prefix: "gens")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let demo = DemoData(ecmKey: "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE")
        let ecmgID = try connection.ecmgs.insert(demo.ecmg)
        var ecmg = demo.ecmg
        ecmg.id = ecmgID
        #expect(try connection.ecmgs.find(id: ecmgID) == ecmg)
        let emmgID = try connection.emmgs.insert(demo.emmg)
        let emmg = try #require(try connection.emmgs.find(id: emmgID))
        #expect(emmg.host == "127.0.0.1" && emmg.dataChannelID == 1 && emmg.dataID == 1 && emmg.runOn == "" && emmg.reloadTime == nil)
        try connection.cwLog.append([
            CWLogEntry(accessCriteria: "00010010", cw1: "53FC206FA96B8397", cw2: "27F9A2C2B868EB0B", sock: 28, ecmgID: ecmgID, time: 10),
            CWLogEntry(accessCriteria: "00000010", cw1: "983399647E33893A", cw2: "087DFA7F2BE70315", sock: 29, ecmgID: ecmgID, time: 20),
        ])
        #expect(try connection.cwLog.recent(ecmgID: ecmgID, sock: 29).map(\.cw1) == ["983399647E33893A"])
    }

    @Test("the fixture's generator rows read with their NULLs and PHP-serialized peers")
    func fixtureGenerators() throws {
        let database = try TestDatabase(prefix: "gens")
        defer { database.drop() }
        try database.server.load(RepositoryPaths.fixtureDump, into: database.name)
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try Migrator(catalog: TestDatabase.catalog).migrate(on: connection)
        let ecmgs = try connection.ecmgs.all()
        #expect(ecmgs.map(\.id) == [24, 26])
        #expect(ecmgs[0].peers?.hasPrefix("a:1:{s:18:\"192.168.1.16:44390\"") == true)
        #expect(ecmgs[1].peers == nil && ecmgs[1].touchTime == 0)
        let emmg = try #require(try connection.emmgs.all().first)
        #expect(emmg.id == 12 && emmg.port == 41000 && emmg.clientID == 184_549_377)
    }

    @Test("card changes are queued inside the write transaction, once per request, and read after a cursor")
    func changeQueue() async throws {
        let database = try TestDatabase.migrated(prefix: "queue")
        defer { database.drop() }
        let pool = ConnectionPool(settings: database.settings, threads: 2)
        defer { pool.shutdown() }
        let request = RequestID.random()
        for _ in 0..<2 {
            _ = try await pool.transaction(requestID: request) { connection in
                try connection.changeQueue.record(serial: 2_100_000_001, fields: ["access_criteria"], source: .api, requestID: request, at: 50)
                try connection.changeQueue.record(serial: 2_100_000_001, fields: ["finish"], source: .api, requestID: request, at: 50)
                try connection.changeQueue.record(serial: 2_100_000_002, fields: ["name"], source: .api, requestID: request, at: 50)
            }
        }
        let changes = try await pool.withConnection { try $0.changeQueue.next(after: 0) }
        #expect(changes.map(\.serialNo) == [2_100_000_001, 2_100_000_002])
        #expect(changes[0].fields == "access_criteria,finish")
        let newest = try await pool.withConnection { try $0.changeQueue.newestID() }
        #expect(newest == changes[1].id)
        try await pool.withConnection { connection in
            try connection.changeQueue.moveCursor(emmgID: 1, to: changes[0].id, at: 60)
            try connection.changeQueue.moveCursor(emmgID: 1, to: 0, at: 61)
        }
        let cursor = try await pool.withConnection { try $0.changeQueue.cursor(emmgID: 1) }
        #expect(cursor == changes[0].id)
        let after = try await pool.withConnection { try $0.changeQueue.next(after: cursor ?? 0) }
        #expect(after.map(\.serialNo) == [2_100_000_002])
        let window = try await pool.withConnection { try $0.changeQueue.poll(after: newest, since: 40) }
        #expect(window.count == 2)
    }
}

@Suite("The generators' run lease")
struct GeneratorLeaseTests {
    @Test("one host at a time: a live lease is refused to another host, an expired one is taken over")
    func runLease() throws {
        let database = try TestDatabase.migrated(prefix: "lease")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let states = connection.generatorStates
        #expect(try states.takeLease(.emmg, id: 1, host: "a"))
        #expect(try states.takeLease(.emmg, id: 1, host: "a"))
        #expect(!(try states.takeLease(.emmg, id: 1, host: "b")))
        #expect(try states.takeLease(.ecmg, id: 1, host: "b"))
        try states.recordStart(.emmg, id: 1, host: "a", pid: 4242)
        try states.report(.emmg, id: 1, peers: "{}", cycleSeconds: 60, queueSize: 3)
        let state = try #require(try states.find(.emmg, id: 1))
        #expect(state.host == "a" && state.pid == 4242 && state.queueSize == 3 && state.restarts == 0)
        try database.sql("UPDATE tvcas_generator_state SET lease_until = UNIX_TIMESTAMP() - 1 WHERE kind = 'emmg'")
        #expect(try states.takeLease(.emmg, id: 1, host: "b"))
        #expect(!(try states.takeLease(.emmg, id: 1, host: "a")))
        try states.recordExit(.emmg, id: 1, exit: "signal 9", error: "killed", restarted: true)
        try states.releaseLease(.emmg, id: 1, host: "b")
        #expect(try states.takeLease(.emmg, id: 1, host: "a"))
        let after = try #require(try states.find(.emmg, id: 1))
        #expect(after.restarts == 1 && after.lastExit == "signal 9" && after.pid == nil)
        #expect(try states.all().count == 2)
    }
}
