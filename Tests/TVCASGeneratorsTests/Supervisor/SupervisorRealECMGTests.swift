import Foundation
import TVCASTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `tvcas supervise` running the real `tvcas ecmg` on its own port: enable, kill -9, disable.
@Suite(.serialized) struct SupervisorRealECMGTests {
    @Test func startsRestartsAndStopsTheRealECMG() throws {
        let harness = try SupervisorHarness()
        defer { harness.cleanUp() }
        let port = freeLoopbackPort()
        let ecmg = try harness.insertECMG(enable: 0)
        let key = "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58"
        // 127.0.0.1 as the original's integer IPv4.
        try harness.sql("UPDATE tvcas_ecmg SET host = 2130706433, port = \(port), `key` = '\(key)', status = 1 WHERE id = \(ecmg)")
        try harness.startSupervisor(host: "alpha", realChildren: true)
        #expect(waitFor(10) { harness.targets("alpha") == "[]" } != nil, "supervisor up: \(harness.log("alpha"))")

        // Enable → the real ECMG listens on the row's port within 2 s.
        try harness.sql("UPDATE tvcas_ecmg SET enable = 1 WHERE id = \(ecmg)")
        let started = waitFor(2.5) { loopbackPortAcceptsConnections(port) }
        print("supervise (real ECMG): enable → listening after \(String(describing: started)) s")
        #expect(started != nil && started! <= 2, "started after \(String(describing: started)) s: \(harness.log("alpha"))")
        let pidText = try harness.sql("SELECT pid FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)")
        let firstPID = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))

        // kill -9 → listening again within about a second.
        let killedAt = Date()
        kill(firstPID, SIGKILL)
        _ = waitFor(0.5) { !isAlive(firstPID) }
        let back = waitFor(3) {
            loopbackPortAcceptsConnections(port)
                && (try? harness.sql("SELECT pid FROM tvcas_generator_state WHERE kind = 'ecmg' AND generator_id = \(ecmg)"))
                    != pidText
        }
        print("supervise (real ECMG): kill -9 → listening again after \(Date().timeIntervalSince(killedAt)) s")
        #expect(back != nil, "not back: \(harness.log("alpha"))")

        // Disable → gone within 2 s.
        try harness.sql("UPDATE tvcas_ecmg SET enable = 0 WHERE id = \(ecmg)")
        let gone = waitFor(2.5) { !loopbackPortAcceptsConnections(port) }
        print("supervise (real ECMG): disable → gone after \(String(describing: gone)) s")
        #expect(gone != nil && gone! <= 2, "gone after \(String(describing: gone)) s: \(harness.log("alpha"))")
        #expect(harness.stopSupervisor(host: "alpha", signal: SIGTERM) == 0)
    }
}
