import TVCASDatabase
import Testing

@testable import TVCASGenerators

/// The supervisor's decisions, driven by a clock of the test's own (seconds as plain numbers).
@Suite struct SupervisorStateMachineTests {
    let ecmg1 = GeneratorKey(.ecmg, 1)
    let emmg2 = GeneratorKey(.emmg, 2)

    func machine(grace: Double = 5, maxBackoff: Int = 30) -> SupervisorStateMachine {
        SupervisorStateMachine(graceSeconds: grace, backoff: RestartBackoff(maximumSeconds: maxBackoff))
    }

    @Test func startsWhatIsDesiredOnce() {
        var machine = machine()
        machine.setDesired([ecmg1: "a", emmg2: "b"])
        #expect(machine.actions(now: 0) == [.start(ecmg1, restart: false), .start(emmg2, restart: false)])
        _ = machine.started(ecmg1, pid: 100, now: 0)
        _ = machine.started(emmg2, pid: 101, now: 0)
        #expect(machine.actions(now: 1).isEmpty)
        #expect(machine.processes == [ecmg1: 100, emmg2: 101])
        #expect(machine.running == [ecmg1, emmg2])
    }

    @Test func stopsWithTermThenKillAfterGrace() {
        var machine = machine(grace: 5)
        machine.setDesired([ecmg1: "a"])
        _ = machine.actions(now: 0)
        _ = machine.started(ecmg1, pid: 100, now: 0)
        machine.setDesired([:])
        #expect(machine.actions(now: 10) == [.terminate(ecmg1, pid: 100)])
        #expect(machine.actions(now: 14.9).isEmpty)
        #expect(machine.actions(now: 15) == [.kill(ecmg1, pid: 100)])
        #expect(machine.actions(now: 16).isEmpty)
        #expect(machine.running.isEmpty)
        #expect(machine.exited(ecmg1, .signal(9), now: 16) == .stopped(ecmg1, .signal(9)))
        #expect(machine.hasNoProcesses)
        #expect(machine.actions(now: 17).isEmpty)
    }

    @Test func restartsAtOnceThenBacksOffWhileItKeepsDying() {
        var machine = machine(maxBackoff: 4)
        machine.setDesired([ecmg1: "a"])
        _ = machine.actions(now: 0)
        _ = machine.started(ecmg1, pid: 1, now: 0)
        var delays: [Int] = []
        var now = 0.0
        for pid in Int32(2)...Int32(7) {
            now += 0.5
            guard case .exited(_, _, let delay) = machine.exited(ecmg1, .status(1), now: now) else {
                Issue.record("not an exit")
                return
            }
            delays.append(delay)
            if delay > 0 { #expect(machine.actions(now: now + Double(delay) - 0.1).isEmpty) }
            now += Double(delay)
            #expect(machine.actions(now: now) == [.start(ecmg1, restart: true)])
            _ = machine.started(ecmg1, pid: pid, now: now)
        }
        #expect(delays == [0, 1, 2, 4, 4, 4])
        // A run longer than the stable time resets the backoff.
        #expect(machine.exited(ecmg1, .signal(9), now: now + 60) == .exited(ecmg1, .signal(9), restartIn: 0))
    }

    @Test func exitThreeIsNotRestartedUntilTheRowChanges() {
        var machine = machine()
        machine.setDesired([ecmg1: "v1"])
        _ = machine.actions(now: 0)
        _ = machine.started(ecmg1, pid: 1, now: 0)
        #expect(machine.exited(ecmg1, .status(3), now: 1) == .notConfigured(ecmg1))
        #expect(machine.actions(now: 100).isEmpty)
        machine.setDesired([ecmg1: "v1"])
        #expect(machine.actions(now: 200).isEmpty)
        machine.setDesired([ecmg1: "v2"])
        #expect(machine.actions(now: 201) == [.start(ecmg1, restart: false)])
    }

    @Test func disabledWhileWaitingForRestartIsForgotten() {
        var machine = machine(maxBackoff: 30)
        machine.setDesired([ecmg1: "a"])
        _ = machine.actions(now: 0)
        _ = machine.started(ecmg1, pid: 1, now: 0)
        _ = machine.exited(ecmg1, .status(1), now: 1)
        _ = machine.actions(now: 1)
        _ = machine.started(ecmg1, pid: 2, now: 1)
        _ = machine.exited(ecmg1, .status(1), now: 2)
        machine.setDesired([:])
        #expect(machine.actions(now: 2.5).isEmpty)
        machine.setDesired([ecmg1: "a"])
        #expect(machine.actions(now: 2.6) == [.start(ecmg1, restart: false)])
    }

    @Test func aFailedSpawnBacksOffToo() {
        var machine = machine()
        machine.setDesired([ecmg1: "a"])
        _ = machine.actions(now: 0)
        #expect(machine.exited(ecmg1, .spawnFailed("no such file"), now: 0) == .exited(ecmg1, .spawnFailed("no such file"), restartIn: 0))
        #expect(machine.actions(now: 0) == [.start(ecmg1, restart: true)])
        #expect(machine.exited(ecmg1, .spawnFailed("no such file"), now: 0) == .exited(ecmg1, .spawnFailed("no such file"), restartIn: 1))
        #expect(machine.actions(now: 0.5).isEmpty)
    }

    @Test func stoppedThenWantedAgainStartsAfterTheExit() {
        var machine = machine()
        machine.setDesired([ecmg1: "a"])
        _ = machine.actions(now: 0)
        _ = machine.started(ecmg1, pid: 1, now: 0)
        machine.setDesired([:])
        #expect(machine.actions(now: 1) == [.terminate(ecmg1, pid: 1)])
        machine.setDesired([ecmg1: "a"])
        #expect(machine.actions(now: 2).isEmpty)
        #expect(machine.exited(ecmg1, .status(0), now: 2) == .stopped(ecmg1, .status(0)))
        #expect(machine.actions(now: 2) == [.start(ecmg1, restart: false)])
    }
}
