import Testing

@testable import TVCASGenerators

@Suite struct LeasePlannerTests {
    let key = GeneratorKey(.ecmg, 1)

    @Test func takesAFreeOrMissingLeaseAtOnce() {
        let planner = LeasePlanner(host: "a")
        #expect(planner.shouldTake(key, state: nil, serverNow: 1000, now: 0))
        #expect(planner.shouldTake(key, state: LeaseRow(host: "", leaseUntil: 0), serverNow: 1000, now: 0))
    }

    @Test func leavesAnotherHostsLiveLeaseAloneAndTakesItOverOnceExpired() {
        let planner = LeasePlanner(host: "a")
        let other = LeaseRow(host: "b", leaseUntil: 1010)
        #expect(!planner.shouldTake(key, state: other, serverNow: 1000, now: 0))
        #expect(!planner.shouldTake(key, state: other, serverNow: 1010, now: 0))
        #expect(planner.shouldTake(key, state: other, serverNow: 1011, now: 0))
        #expect(!planner.holds(key, state: other))
    }

    @Test func renewsAHeldLeaseEveryTwoSeconds() {
        var planner = LeasePlanner(host: "a")
        planner.noteTake(key, taken: true, now: 100)
        let mine = LeaseRow(host: "a", leaseUntil: 1010)
        #expect(!planner.shouldTake(key, state: mine, serverNow: 1000, now: 101.9))
        #expect(planner.holds(key, state: mine))
        #expect(planner.shouldTake(key, state: mine, serverNow: 1000, now: 102))
    }

    @Test func aLeaseTakenByAnotherHostIsNoLongerHeld() {
        var planner = LeasePlanner(host: "a")
        planner.noteTake(key, taken: true, now: 100)
        #expect(!planner.holds(key, state: LeaseRow(host: "b", leaseUntil: 2000)))
        planner.noteTake(key, taken: false, now: 102)
        #expect(planner.renewedAt[key] == nil)
    }

    @Test func aRowStillNamingThisHostAfterARestartIsTakenAtOnce() {
        let planner = LeasePlanner(host: "a")
        #expect(planner.shouldTake(key, state: LeaseRow(host: "a", leaseUntil: 2000), serverNow: 1000, now: 0))
    }
}
