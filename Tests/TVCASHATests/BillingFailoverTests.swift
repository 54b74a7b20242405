import Foundation
import TVCASCore
import TVCASDatabase
import TVCASTesting
import Testing

/// Issue 15, scenario 1: billing updates through `/api.php` (three `tvcas web` processes, each on
/// the cluster's host list) while the busiest node is killed with -9 and later rejoins; an EMMG
/// on the same host list feeds a MUX.
@Suite("HATests: billing updates while a node is killed -9 and rejoins", .enabled(if: GaleraCluster.isEnabled), .serialized)
struct BillingFailoverTests {
    static let cardCount = 120
    static let firstSerial: UInt32 = 2_101_000_000

    @Test("every acknowledged update is in the database once, with one change-queue row, every card's EMM reaches the MUX, and all nodes agree")
    func updatesSurviveNodeKill() async throws {
        let database = try ClusterDatabase(prefix: "billing")
        defer { database.drop() }
        let cluster = database.cluster
        try database.sql(
            """
            INSERT INTO tvcas_smartcards (serial_no, name, `key`, access_criteria, start, finish, c_time, edit)
            SELECT \(Self.firstSerial) + seq, CONCAT('ha card ', seq), '00112233445566778899AABBCCDDEEFF', 'FFFFFFFF',
                   1700000000, 1900000000, 1700000000, 1700000000 FROM seq_0_to_\(Self.cardCount - 1)
            """)
        // An EMMG feeding a MUX: every card's last change must reach it.
        try database.sql("UPDATE tvcas_ecmg SET enable = 0; UPDATE tvcas_emmg SET enable = 0")
        let mux = try RecordingMUX()
        defer { mux.stop() }
        let setup = Connection(settings: database.settings())
        let emmgID = try setup.emmgs.insert(
            EMMGRow(host: "127.0.0.1", port: UInt16(mux.port), bandwidth: 500, repetition: 60, timeout: 10, status: 1, enable: 1))
        setup.close()
        let emmg = try TVCASProcess(["emmg", "--id", String(emmgID)], database: database)
        defer { emmg.stop() }
        #expect(eventually(30) { mux.dataProvisions > 0 }, "emmg: \(emmg.log.suffix(1500))")
        let webs = try (0..<3).map { _ in try TVCASProcess(["web"], database: database) }
        defer { for web in webs { web.stop() } }
        let clients = webs.map { APIClient(socketPath: $0.directory.path("web.sock")) }
        for (web, client) in zip(webs, clients) {
            #expect(eventually(20) { (try? client.get("serial_no=\(Self.firstSerial)"))?.status == 200 }, "web: \(web.log.suffix(1500))")
        }

        let workers = 6
        let killAt = Date().addingTimeInterval(4)
        let rejoinAt = killAt.addingTimeInterval(12)
        let stopAt = rejoinAt.addingTimeInterval(8)
        let chaos = Task.detached { () throws -> String in
            try await Task.sleep(for: .seconds(max(0, killAt.timeIntervalSinceNow)))
            let victim = try ClusterDatabaseTests.busiestNode(of: cluster, user: cluster.user)
            victim.killHard()
            try await Task.sleep(for: .seconds(max(0, rejoinAt.timeIntervalSinceNow)))
            try cluster.rejoin(victim)
            return victim.name
        }
        let tallies = try await withThrowingTaskGroup(of: UpdateTally.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    try Self.update(worker: worker, of: workers, through: clients[worker % clients.count], until: stopAt)
                }
            }
            var all: [UpdateTally] = []
            for try await tally in group { all.append(tally) }
            return all
        }
        let victim = try await chaos.value
        try cluster.heal()

        let acknowledged = tallies.flatMap(\.acknowledged)
        let failed = tallies.flatMap(\.failed)
        print("HA billing: \(acknowledged.count) updates acknowledged, \(failed.count) answered 503 or nothing; \(victim) killed -9 and rejoined")
        #expect(acknowledged.count > 100, "only \(acknowledged.count) updates acknowledged (\(failed.count) failed)")
        #expect(tallies.allSatisfy { $0.unexpected.isEmpty }, "unexpected answers: \(tallies.flatMap(\.unexpected).prefix(3))")

        // Every acknowledged update's log row once; nothing logged that nobody sent.
        let logged = try database.sql("SELECT msg FROM tvcas_logs WHERE user = 'API' AND msg LIKE 'Smartcard 2101%'")
            .split(separator: "\n").map(String.init)
        var perName: [String: Int] = [:]
        for message in logged {
            for name in Self.names(in: message) { perName[name, default: 0] += 1 }
        }
        let missing = acknowledged.filter { perName[$0.name] == nil }
        let doubled = perName.filter { $0.value > 1 }
        #expect(missing.isEmpty, "acknowledged but not logged: \(missing.prefix(3))")
        #expect(doubled.isEmpty, "logged twice: \(doubled.prefix(3))")
        let sent = Set(acknowledged.map(\.name)).union(failed.map(\.name))
        #expect(Set(perName.keys).isSubset(of: sent))

        // One change-queue row and one request id per committed update.
        let changes = Int(try database.sql("SELECT COUNT(*) FROM tvcas_card_changes WHERE source = 'api'")) ?? -1
        let duplicates = try database.sql(
            "SELECT request_id FROM tvcas_card_changes GROUP BY request_id, serial_no HAVING COUNT(*) > 1")
        #expect(changes == logged.count)
        #expect(duplicates.isEmpty)

        // Each worker owns its cards: a card holds its last acknowledged name, or a later one whose
        // answer was lost.
        for tally in tallies {
            var last: [UInt32: Update] = [:]
            for update in tally.acknowledged { last[update.serial] = update }
            for (serial, update) in last {
                let name = try database.sql("SELECT name FROM tvcas_smartcards WHERE serial_no = \(serial)")
                let later = tally.failed.filter { $0.serial == serial && $0.sequence > update.sequence }.map(\.name)
                #expect(name == update.name || later.contains(name), "card \(serial): \(name), expected \(update.name)")
            }
        }

        // Every card's EMM with its final finish date reached the MUX.
        let key = try CardKey(hex: "00112233445566778899AABBCCDDEEFF")
        let finals = try database.sql("SELECT serial_no, finish FROM tvcas_smartcards WHERE serial_no >= \(Self.firstSerial)")
            .split(separator: "\n").compactMap { line -> (UInt32, UInt32)? in
                let parts = line.split(separator: "\t")
                guard parts.count == 2, let serial = UInt32(parts[0]), let finish = UInt32(parts[1]) else { return nil }
                return (serial, finish)
            }
        #expect(finals.count == Self.cardCount)
        var notOnAir: [UInt32] = []
        _ = eventually(60) {
            notOnAir = finals.filter { serial, finish in
                !mux.emms(for: serial).contains { (try? EMMDecoder(key: key).decode($0))?.finishPlusOne == finish &+ 1 }
            }.map(\.0)
            return notOnAir.isEmpty
        }
        #expect(notOnAir.isEmpty, "cards whose last change never reached the MUX: \(notOnAir.prefix(5)); emmg: \(emmg.log.suffix(1000))")
        #expect(emmg.isRunning)

        let contents = try cluster.contents(
            of: ["tvcas_smartcards", "tvcas_logs", "tvcas_card_changes", "tvcas_requests"], in: database.name)
        #expect(contents.count == 3)
        #expect(Set(contents.values).count == 1, "nodes disagree after \(victim) rejoined: \(contents)")
    }

    /// One update sent: the card, the unique name it set, and the worker's sequence number.
    struct Update: Sendable {
        var serial: UInt32
        var name: String
        var sequence: Int
    }

    /// What one worker saw: acknowledged updates (200 with the new name), failed ones (a 503 or
    /// no answer: outcome unknown), and answers that should never come (a 500, a stack trace).
    struct UpdateTally: Sendable {
        var acknowledged: [Update] = []
        var failed: [Update] = []
        var unexpected: [String] = []
    }

    static func update(worker: Int, of workers: Int, through web: APIClient, until stop: Date) throws -> UpdateTally {
        var tally = UpdateTally()
        let mine = (0..<UInt32(cardCount)).filter { Int($0) % workers == worker }.map { firstSerial + $0 }
        var sequence = 0
        while Date() < stop {
            sequence += 1
            let serial = mine[sequence % mine.count]
            let name = "hw\(worker)n\(sequence)x"
            let update = Update(serial: serial, name: name, sequence: sequence)
            let answer = try web.get("serial_no=\(serial)&set[name]=\(name)&set[finish]=\(1_900_000_000 + sequence * 16 + worker)")
            if answer.status == 200, answer.body.contains("\"\(name)\"") {
                tally.acknowledged.append(update)
            } else if answer.status == 503 || answer.status == 0 {
                tally.failed.append(update)
            } else {
                tally.failed.append(update)
                tally.unexpected.append("\(answer.status): \(answer.body.prefix(200))")
            }
            // A lookup too: reads keep working through the failover.
            let lookup = try web.get("serial_no=\(serial)")
            if lookup.status != 200 && lookup.status != 503 { tally.unexpected.append("lookup \(lookup.status): \(lookup.body.prefix(200))") }
        }
        return tally
    }

    /// The `hwNnMx` names in a log message.
    static func names(in message: String) -> [String] {
        message.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter {
            $0.hasPrefix("hw") && $0.hasSuffix("x") && $0.contains("n")
        }
    }
}
