import Foundation
import TVCASCore
import TVCASDatabase
import TVCASTesting
import Testing

/// The EMMG's run lease (decisions.md §3) on a cluster: when the host running an EMMG dies, the
/// other eligible supervisor takes the row over after the lease expires and resumes from the
/// cursor in the database, so a card changed while no EMMG ran still reaches the MUX.
@Suite("HATests: the EMMG moves to another host when its host dies", .enabled(if: GaleraCluster.isEnabled), .serialized)
struct EMMGFailoverTests {
    @Test("the other supervisor takes the EMMG over and sends the change made while none ran")
    func emmgMovesToAnotherHost() async throws {
        let database = try ClusterDatabase(prefix: "emmgmove")
        defer { database.drop() }
        let cluster = database.cluster
        try database.sql(
            """
            INSERT INTO tvcas_smartcards (serial_no, name, `key`, access_criteria, start, finish, c_time, edit)
            SELECT 2103000000 + seq, CONCAT('move card ', seq), '00112233445566778899AABBCCDDEEFF', 'FFFFFFFF',
                   1700000000, 1900000000, 1700000000, 1700000000 FROM seq_0_to_19
            """)
        try database.sql("UPDATE tvcas_ecmg SET enable = 0; UPDATE tvcas_emmg SET enable = 0")
        let mux = try RecordingMUX()
        defer { mux.stop() }
        let connection = Connection(settings: database.settings())
        let emmgID = try connection.emmgs.insert(
            EMMGRow(host: "127.0.0.1", port: UInt16(mux.port), repetition: 60, timeout: 10, status: 1, enable: 1))
        connection.close()

        let alpha = try MainBackupECMGTests.supervisor("alpha", database: database)
        #expect(eventually(30) { mux.dataProvisions > 0 }, "alpha: \(alpha.log.suffix(1500))")
        let beta = try MainBackupECMGTests.supervisor("beta", database: database)
        defer { for supervisor in [alpha, beta] { supervisor.stop() } }
        #expect(try Self.leaseHost(emmgID, database) == "alpha")
        let firstPID = try Self.pid(emmgID, database)

        // Host alpha dies with its EMMG and a database node; a card changes while no EMMG runs.
        alpha.killHard()
        if firstPID > 0 { kill(firstPID, SIGKILL) }
        try ClusterDatabaseTests.busiestNode(of: cluster, user: cluster.user).killHard()
        let serial: UInt32 = 2_103_000_007
        let web = try TVCASProcess(["web"], database: database)
        defer { web.stop() }
        let api = APIClient(socketPath: web.directory.path("web.sock"))
        #expect(eventually(30) { (try? api.get("serial_no=\(serial)&set[finish]=1900000777"))?.status == 200 }, "web: \(web.log.suffix(1500))")

        // Beta takes the row over once alpha's lease has expired, and sends the change.
        #expect(eventually(40) { (try? Self.leaseHost(emmgID, database)) == "beta" }, "beta: \(beta.log.suffix(2000))")
        let key = try CardKey(hex: "00112233445566778899AABBCCDDEEFF")
        let carriesChange = eventually(30) {
            mux.emms(for: serial).contains { (try? EMMDecoder(key: key).decode($0))?.finishPlusOne == 1_900_000_777 &+ 1 }
        }
        let state = (try? database.sql("SELECT * FROM tvcas_generator_state WHERE kind = 'emmg'")) ?? ""
        #expect(
            carriesChange,
            "the change made during the handover never reached the MUX; state: \(state); beta: \(beta.log.split(separator: "\n").filter { $0.contains("emmg.\(emmgID)") || $0.contains("supervis") }.suffix(30).joined(separator: "\n"))"
        )
        let provisions = mux.dataProvisions
        #expect(eventually(15) { mux.dataProvisions > provisions })
        try cluster.heal()
    }

    static func leaseHost(_ id: UInt32, _ database: ClusterDatabase) throws -> String {
        try database.sql("SELECT host FROM tvcas_generator_state WHERE kind = 'emmg' AND generator_id = \(id)")
    }

    static func pid(_ id: UInt32, _ database: ClusterDatabase) throws -> Int32 {
        Int32(try database.sql("SELECT COALESCE(pid, 0) FROM tvcas_generator_state WHERE kind = 'emmg' AND generator_id = \(id)")) ?? 0
    }
}
