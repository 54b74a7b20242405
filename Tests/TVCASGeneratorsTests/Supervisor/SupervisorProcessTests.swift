import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `tvcas supervise` as a real process with real child processes (a stand-in generator, see
/// ``SupervisorHarness``) on a real MariaDB. The time limits are those of issue 11.
@Suite(.serialized) struct SupervisorProcessTests {
    @Test func startsRestartsStopsAndDiesWithItsChildren() throws {
        let harness = try SupervisorHarness()
        defer { harness.cleanUp() }
        let ecmg = try harness.insertECMG(enable: 0)
        try harness.startSupervisor(host: "alpha")
        #expect(waitFor(10) { harness.targets("alpha") == "[]" } != nil, "supervisor up: \(harness.log("alpha"))")
        #expect(!loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)))

        // Enable → listening within 2 s.
        try harness.sql("UPDATE tvcas_ecmg SET enable = 1 WHERE id = \(ecmg)")
        let started = waitFor(2.5) { loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) }
        print("supervise: enable → listening after \(String(describing: started)) s")
        #expect(started != nil && started! <= 2, "started after \(String(describing: started)) s: \(harness.log("alpha"))")
        let firstPID = try #require(waitFor(2) { harness.childPID("ecmg", ecmg) != nil }.flatMap { _ in harness.childPID("ecmg", ecmg) })
        #expect(try waitFor(3) { try harness.systemLog().contains("ECMG_\(ecmg) started on alpha (pid \(firstPID))") } != nil)
        #expect(harness.targets("alpha").contains("127.0.0.1:\(harness.ecmgPort(ecmg))"))
        #expect(harness.get("alpha", "/metrics").contains("tvcas_supervisor_children 1"))
        #expect(
            try harness.sql("SELECT host, pid FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)") == "alpha\t\(firstPID)\n")

        // kill -9 of the child → listening again within 1 s.
        let killedAt = Date()
        kill(firstPID, SIGKILL)
        #expect(waitFor(1) { !isAlive(firstPID) } != nil)
        _ = waitFor(1.5) { harness.childPID("ecmg", ecmg) != firstPID && loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) }
        let back: Double? = loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) ? Date().timeIntervalSince(killedAt) : nil
        print("supervise: kill -9 child → listening again after \(String(describing: back)) s")
        #expect(back != nil && back! <= 1, "back after \(String(describing: back)) s")
        #expect(try waitFor(3) { try harness.systemLog().contains("ECMG_\(ecmg) exited (signal 9), restart in 0 s") } != nil)
        #expect(
            try waitFor(3) {
                try harness.sql("SELECT restarts, last_exit FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)")
                    == "1\tsignal 9\n"
            } != nil)

        // Disable → gone within 2 s, peers cleared.
        let secondPID = try #require(harness.childPID("ecmg", ecmg))
        try harness.sql("UPDATE tvcas_ecmg SET peers = '[{\"ip\":\"10.0.0.1\"}]' WHERE id = \(ecmg)")
        try harness.sql("UPDATE tvcas_ecmg SET enable = 0 WHERE id = \(ecmg)")
        let gone = waitFor(2.5) { !isAlive(secondPID) && !loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) }
        print("supervise: disable → gone after \(String(describing: gone)) s")
        #expect(gone != nil && gone! <= 2, "gone after \(String(describing: gone)) s")
        #expect(try waitFor(3) { try harness.sql("SELECT COALESCE(peers, 'NULL') FROM tvcas_ecmg WHERE id = \(ecmg)") == "NULL\n" } != nil)
        #expect(
            try waitFor(3) {
                try harness.sql("SELECT last_exit FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)") == "status 0\n"
            } != nil)

        // Exit 3 → not restarted until the row changes.
        let emmg = try harness.insertEMMG(enable: 0)
        _ = FileManager.default.createFile(atPath: harness.scratch.path("exit3-emmg-\(emmg)"), contents: nil)
        try harness.sql("UPDATE tvcas_emmg SET enable = 1 WHERE id = \(emmg)")
        #expect(try waitFor(4) { try harness.systemLog().contains("EMMG_\(emmg) not configured (exit 3), not restarted") } != nil)
        usleep(3_000_000)
        #expect(try harness.systemLog().filter { $0.hasPrefix("EMMG_\(emmg) started") }.count == 1)
        try FileManager.default.removeItem(atPath: harness.scratch.path("exit3-emmg-\(emmg)"))
        try harness.sql("UPDATE tvcas_emmg SET version = version + 1 WHERE id = \(emmg)")
        #expect(waitFor(2.5) { loopbackPortAcceptsConnections(harness.emmgPort(emmg)) } != nil)
        try harness.sql("UPDATE tvcas_ecmg SET enable = 1 WHERE id = \(ecmg)")
        #expect(waitFor(2.5) { loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) } != nil)

        // kill -9 of the supervisor → no child alive 2 s later.
        let children = [harness.childPID("ecmg", ecmg), harness.childPID("emmg", emmg)].compactMap { $0 }
        #expect(children.count == 2 && children.allSatisfy(isAlive))
        harness.stopSupervisor(host: "alpha", signal: SIGKILL)
        usleep(2_000_000)
        #expect(children.allSatisfy { !isAlive($0) })
        #expect(!loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) && !loopbackPortAcceptsConnections(harness.emmgPort(emmg)))
    }

    @Test func sigtermStopsTheChildrenFirstAndGivesTheLeasesUp() throws {
        let harness = try SupervisorHarness()
        defer { harness.cleanUp() }
        let ecmg = try harness.insertECMG(enable: 1)
        try harness.startSupervisor(host: "alpha")
        #expect(waitFor(10) { loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) } != nil, "\(harness.log("alpha"))")
        let pid = try #require(waitFor(2) { harness.childPID("ecmg", ecmg) != nil }.flatMap { _ in harness.childPID("ecmg", ecmg) })
        #expect(harness.stopSupervisor(host: "alpha", signal: SIGTERM) == 0)
        #expect(!isAlive(pid))
        #expect(
            try harness.sql("SELECT host, lease_until, last_exit FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)")
                == "\t0\tstatus 0\n")
    }

    @Test func aRowRunsOnExactlyOneSupervisorAndMovesWhenItDies() throws {
        let harness = try SupervisorHarness()
        defer { harness.cleanUp() }
        let shared = try harness.insertECMG(enable: 1)
        let betaOnly = try harness.insertECMG(enable: 1, runOn: "beta")
        // Housekeeping: a change older than 8 days that the enabled EMMG's cursor has passed goes,
        // one its cursor has not passed and a recent one stay.
        let emmg = try harness.insertEMMG(enable: 0)
        try harness.sql(
            """
            INSERT INTO tvcas_card_changes (id, serial_no, fields, source, changed_at, request_id) VALUES
            (1, 2100000001, 'edit', 'api', UNIX_TIMESTAMP() - 9 * 86400, 'r1'),
            (2, 2100000002, 'edit', 'api', UNIX_TIMESTAMP() - 9 * 86400, 'r2'),
            (3, 2100000003, 'edit', 'api', UNIX_TIMESTAMP() - 86400, 'r3');
            INSERT INTO tvcas_emmg_cursor (emmg_id, last_change_id, updated_at) VALUES (\(emmg), 1, UNIX_TIMESTAMP());
            UPDATE tvcas_emmg SET enable = 1, status = 0 WHERE id = \(emmg);
            """)
        try harness.startSupervisor(host: "alpha")
        try harness.startSupervisor(host: "beta")
        #expect(
            waitFor(10) { loopbackPortAcceptsConnections(harness.ecmgPort(shared)) && loopbackPortAcceptsConnections(harness.ecmgPort(betaOnly)) }
                != nil)
        usleep(3_000_000)
        let sharedTarget = "127.0.0.1:\(harness.ecmgPort(shared))"
        let holders = ["alpha", "beta"].filter { harness.targets($0).contains(sharedTarget) }
        #expect(holders.count == 1, "holders: \(holders)")
        #expect(!harness.targets("alpha").contains("127.0.0.1:\(harness.ecmgPort(betaOnly))"))
        #expect(harness.targets("beta").contains("127.0.0.1:\(harness.ecmgPort(betaOnly))"))
        #expect(try waitFor(5) { try harness.sql("SELECT id FROM tvcas_card_changes ORDER BY id") == "2\n3\n" } != nil)
        let holder = try #require(holders.first)
        let other = holder == "alpha" ? "beta" : "alpha"
        #expect(try harness.sql("SELECT host FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(shared)") == "\(holder)\n")

        // Kill the holder with -9: its children die with it, the other takes over within 12 s.
        let oldPID = try #require(harness.childPID("ecmg", shared))
        harness.stopSupervisor(host: holder, signal: SIGKILL)
        let moved = waitFor(13) { harness.targets(other).contains(sharedTarget) && loopbackPortAcceptsConnections(harness.ecmgPort(shared)) }
        print("supervise: holder killed → moved after \(String(describing: moved)) s")
        #expect(moved != nil && moved! <= 12, "moved after \(String(describing: moved)) s: \(harness.log(other))")
        #expect(!isAlive(oldPID))
        #expect(try harness.sql("SELECT host FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(shared)") == "\(other)\n")
    }

    @Test func aDatabaseOutageStopsNothingAndARestartDuringItRunsTheSavedRows() throws {
        let server = try MariaDBServer.start(tcp: false)
        defer { server.stop() }
        let harness = try SupervisorHarness(server: server)
        defer { harness.cleanUp() }
        let ecmg = try harness.insertECMG(enable: 1)
        let emmg = try harness.insertEMMG(enable: 1)
        try harness.startSupervisor(host: "alpha")
        #expect(
            waitFor(10) { loopbackPortAcceptsConnections(harness.ecmgPort(ecmg)) && loopbackPortAcceptsConnections(harness.emmgPort(emmg)) } != nil)
        let ecmgPID = try #require(waitFor(2) { harness.childPID("ecmg", ecmg) != nil }.flatMap { _ in harness.childPID("ecmg", ecmg) })
        let emmgPID = try #require(harness.childPID("emmg", emmg))
        usleep(1_000_000)

        server.shutdown()
        // 30 s without the database: no child is stopped.
        let outageStart = Date()
        var stoppedDuringOutage = false
        while Date().timeIntervalSince(outageStart) < 30 {
            if !isAlive(ecmgPID) || !isAlive(emmgPID) { stoppedDuringOutage = true }
            usleep(500_000)
        }
        #expect(!stoppedDuringOutage, "\(harness.log("alpha"))")

        // A supervisor restarted during the outage starts its saved rows again.
        harness.stopSupervisor(host: "alpha", signal: SIGKILL)
        #expect(waitFor(2) { !isAlive(ecmgPID) && !isAlive(emmgPID) } != nil)
        try harness.startSupervisor(host: "alpha")
        #expect(
            waitFor(15) {
                harness.childPID("ecmg", ecmg) != ecmgPID && loopbackPortAcceptsConnections(harness.ecmgPort(ecmg))
                    && loopbackPortAcceptsConnections(harness.emmgPort(emmg))
            }
                != nil, "\(harness.log("alpha"))")
        let restartedPID = try #require(harness.childPID("ecmg", ecmg))

        // The database comes back: nothing needs a manual restart.
        try server.restart()
        #expect(
            try waitFor(10) { try harness.sql("SELECT host FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)") == "alpha\n" }
                != nil)
        #expect(harness.childPID("ecmg", ecmg) == restartedPID && isAlive(restartedPID))
        try harness.sql("UPDATE tvcas_ecmg SET enable = 0 WHERE id = \(ecmg)")
        #expect(waitFor(3) { !isAlive(restartedPID) } != nil)
        #expect(loopbackPortAcceptsConnections(harness.emmgPort(emmg)))
    }
}
