import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

/// Issue 15, scenario 2: two of three nodes killed. The web answers 503 with a message, the
/// ECMG keeps serving ECMs, the EMMG keeps cycling what it has; after `pc.bootstrap` on the
/// survivor and the others' rejoin, everything resumes without restarting a TVCAS process.
@Suite("HATests: two of three nodes killed, then pc.bootstrap", .enabled(if: GaleraCluster.isEnabled), .serialized)
struct QuorumLossTests {
    @Test("web 503 with a message, ECMs and EMMs keep flowing, everything resumes after pc.bootstrap")
    func quorumLossAndRecovery() async throws {
        let database = try ClusterDatabase(prefix: "quorum")
        defer { database.drop() }
        let cluster = database.cluster
        try database.sql(
            """
            INSERT INTO tvcas_smartcards (serial_no, name, `key`, access_criteria, start, finish, c_time, edit)
            SELECT 2102000000 + seq, CONCAT('quorum card ', seq), '00112233445566778899AABBCCDDEEFF', 'FFFFFFFF',
                   1700000000, 1900000000, 1700000000, UNIX_TIMESTAMP() FROM seq_0_to_19
            """)
        let mux = try RecordingMUX()
        defer { mux.stop() }
        let ecmgPort = freeLoopbackPort()
        let connection = Connection(settings: database.settings())
        let ecmgID = try connection.ecmgs.insert(
            ECMGRow(host: 0x7F00_0001, port: UInt16(ecmgPort), key: TVCASProcess.ecmKey, status: 1, enable: 1))
        let emmgID = try connection.emmgs.insert(
            EMMGRow(host: "127.0.0.1", port: UInt16(mux.port), repetition: 2, timeout: 10, status: 1, enable: 1))
        connection.close()

        let web = try TVCASProcess(["web"], database: database)
        let ecmg = try TVCASProcess(["ecmg", "--id", String(ecmgID)], database: database)
        let emmg = try TVCASProcess(["emmg", "--id", String(emmgID)], database: database)
        defer { for process in [web, ecmg, emmg] { process.stop() } }
        let api = APIClient(socketPath: web.directory.path("web.sock"))
        #expect(eventually(20) { (try? api.get("serial_no=2102000001"))?.status == 200 }, "web: \(web.log.suffix(1500))")
        #expect(eventually(20) { loopbackPortAcceptsConnections(ecmgPort) }, "ecmg: \(ecmg.log.suffix(1500))")
        #expect(eventually(30) { mux.dataProvisions > 0 }, "emmg: \(emmg.log.suffix(1500))")
        let scs = try await ECMCheck.open(port: ecmgPort)
        let before = try #require(try await ECMCheck.ecm(scs, cp: 1, odd: 0x1111, even: 0x2222))
        #expect(try ECMCheck.decode(before) == [0x1111, 0x2222] as Set)

        // Two of three die: the survivor loses quorum.
        let survivor = cluster.nodes[0]
        for node in cluster.nodes.dropFirst() { node.killHard() }
        try cluster.waitUntilNotPrimary(survivor)

        let down = try api.get("serial_no=2102000001")
        #expect(down.status == 503, "\(down.status): \(down.body.prefix(300))")
        #expect(down.body.contains("database is unavailable"))
        #expect(!down.body.contains("DatabaseError") && !down.body.contains("MariaDB error"))
        let update = try api.get("serial_no=2102000001&set[name]=during")
        #expect(update.status == 503)
        for cp: UInt16 in 2...4 {
            let ecm = try #require(try await ECMCheck.ecm(scs, cp: cp, odd: 0x3333 &* UInt64(cp), even: 0x4444))
            #expect(try ECMCheck.decode(ecm) == [0x3333 &* UInt64(cp), 0x4444] as Set)
        }
        let fresh = try await ECMCheck.open(port: ecmgPort)
        #expect(try await ECMCheck.ecm(fresh, cp: 9, odd: 9, even: 10).flatMap(ECMCheck.decode) == [9, 10] as Set)
        await fresh.close()
        let provisionsAtLoss = mux.dataProvisions
        #expect(eventually(15) { mux.dataProvisions > provisionsAtLoss }, "the EMMG stopped cycling: \(emmg.log.suffix(1500))")

        // The operator bootstraps the survivor; the others rejoin. No TVCAS process restarts.
        try cluster.bootstrapPrimary(on: survivor)
        #expect(eventually(30) { (try? api.get("serial_no=2102000001"))?.status == 200 }, "web: \(web.log.suffix(1500))")
        let after = try api.get("serial_no=2102000001&set[name]=recovered")
        #expect(after.status == 200 && after.body.contains("recovered"), "\(after.status): \(after.body.prefix(300))")
        try cluster.heal()
        #expect(try await ECMCheck.ecm(scs, cp: 20, odd: 20, even: 21).flatMap(ECMCheck.decode) == [20, 21] as Set)
        let provisionsAfter = mux.dataProvisions
        #expect(eventually(15) { mux.dataProvisions > provisionsAfter })
        #expect(web.isRunning && ecmg.isRunning && emmg.isRunning)
        let name = try database.sql("SELECT name FROM tvcas_smartcards WHERE serial_no = 2102000001")
        #expect(name == "recovered")
        let contents = try cluster.contents(of: ["tvcas_smartcards", "tvcas_card_changes"], in: database.name)
        #expect(Set(contents.values).count == 1, "nodes disagree: \(contents)")
        await scs.close()
    }
}
