import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

/// Issue 15, scenario 3: a main/backup ECMG pair (two rows with the same key, `run_on` one host
/// each) under two supervisors. The main's host dies (its supervisor, its ECMG and its database
/// node killed with -9): the backup keeps serving the SCS, and the ECMs of both decode the same on
/// the virtual card.
@Suite("HATests: the main ECMG's host dies, the backup serves", .enabled(if: GaleraCluster.isEnabled), .serialized)
struct MainBackupECMGTests {
    @Test("ECMs of main and backup decode the same; the backup keeps serving when the main's host dies")
    func backupServesWhenMainHostDies() async throws {
        let database = try ClusterDatabase(prefix: "mainbackup")
        defer { database.drop() }
        let cluster = database.cluster
        try database.sql("UPDATE tvcas_ecmg SET enable = 0; UPDATE tvcas_emmg SET enable = 0")
        let mainPort = freeLoopbackPort()
        let backupPort = freeLoopbackPort()
        let connection = Connection(settings: database.settings())
        let mainID = try connection.ecmgs.insert(
            ECMGRow(host: 0x7F00_0001, port: UInt16(mainPort), key: TVCASProcess.ecmKey, status: 1, enable: 1, runOn: "alpha"))
        let backupID = try connection.ecmgs.insert(
            ECMGRow(host: 0x7F00_0001, port: UInt16(backupPort), key: TVCASProcess.ecmKey, status: 1, enable: 1, runOn: "beta"))
        connection.close()

        let alpha = try Self.supervisor("alpha", database: database)
        let beta = try Self.supervisor("beta", database: database)
        defer { for supervisor in [alpha, beta] { supervisor.stop() } }
        #expect(eventually(30) { loopbackPortAcceptsConnections(mainPort) }, "alpha: \(alpha.log.suffix(1500))")
        #expect(eventually(30) { loopbackPortAcceptsConnections(backupPort) }, "beta: \(beta.log.suffix(1500))")
        #expect(eventually(10) { ((try? Self.pid(of: backupID, in: database)) ?? 0) > 0 })
        let backupPID = try Self.pid(of: backupID, in: database)
        defer { if let pid = try? Self.pid(of: mainID, in: database), pid > 0 { kill(pid, SIGKILL) } }

        // The scrambler talks to both; their ECMs decode the same.
        let main = try await ECMCheck.open(port: mainPort)
        let backup = try await ECMCheck.open(port: backupPort)
        for cp: UInt16 in 1...3 {
            let words = (UInt64(cp) &* 0x0101_0101, UInt64(cp) &* 0x0202_0202)
            let fromMain = try #require(try await ECMCheck.ecm(main, cp: cp, odd: words.0, even: words.1))
            let fromBackup = try #require(try await ECMCheck.ecm(backup, cp: cp, odd: words.0, even: words.1))
            let decodedMain = try ECMCheck.decode(fromMain)
            #expect(decodedMain == [words.0, words.1] as Set)
            #expect(try ECMCheck.decode(fromBackup) == decodedMain)
        }

        // Host alpha dies: its supervisor, its ECMG and the database node it used.
        let mainPID = try Self.pid(of: mainID, in: database)
        alpha.killHard()
        kill(mainPID, SIGKILL)
        try ClusterDatabaseTests.busiestNode(of: cluster, user: cluster.user).killHard()
        #expect(eventually(5) { !loopbackPortAcceptsConnections(mainPort) })
        _ = try? await main.request(.channelTest(.init(channelID: 0)))
        await main.close()

        for cp: UInt16 in 4...8 {
            let words = (UInt64(cp) &* 0x0303_0303, UInt64(cp) &* 0x0404_0404)
            let ecm = try #require(try await ECMCheck.ecm(backup, cp: cp, odd: words.0, even: words.1))
            #expect(try ECMCheck.decode(ecm) == [words.0, words.1] as Set)
        }
        // A new connection from the scrambler to the backup works too, and the backup never restarted.
        let again = try await ECMCheck.open(port: backupPort)
        #expect(try await ECMCheck.ecm(again, cp: 11, odd: 11, even: 12).flatMap(ECMCheck.decode) == [11, 12] as Set)
        await again.close()
        await backup.close()
        try cluster.heal()
        // The main's row is meant for alpha only: beta does not take it over, even after its lease ran out.
        try await Task.sleep(for: .seconds(12))
        #expect(!loopbackPortAcceptsConnections(mainPort), "beta took over alpha's row: \(beta.log.suffix(1500))")
        let pidNow = try Self.pid(of: backupID, in: database)
        #expect(pidNow == backupPID && kill(backupPID, 0) == 0, "backup ECMG pid \(backupPID) → \(pidNow)")
        #expect(beta.isRunning)
    }

    /// `tvcas supervise` for host `host`, with its own metrics ports.
    static func supervisor(_ host: String, database: ClusterDatabase) throws -> TVCASProcess {
        let base = 20_000 + Int.random(in: 0..<8_000)
        return try TVCASProcess(
            ["supervise"], database: database,
            extra: """
                [supervise]
                host = "\(host)"
                grace_seconds = 2
                max_backoff_seconds = 4
                [metrics]
                listen = "127.0.0.1:\(freeLoopbackPort())"
                child_port_base = \(base)
                """)
    }

    /// The pid the supervisor recorded for ECMG `id` (0 when none).
    static func pid(of id: UInt32, in database: ClusterDatabase) throws -> Int32 {
        Int32(try database.sql("SELECT COALESCE(pid, 0) FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(id)")) ?? 0
    }
}
