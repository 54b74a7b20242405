import Testing

@testable import TVCASGenerators

@Suite struct RestartBackoffTests {
    @Test func doublesFromOneSecondUpToTheCap() {
        let backoff = RestartBackoff(maximumSeconds: 30)
        #expect((0...7).map(backoff.delay(afterFailures:)) == [0, 1, 2, 4, 8, 16, 30, 30])
        #expect(backoff.delay(afterFailures: 1000) == 30)
    }

    @Test func aStableRunResetsTheCount() {
        let backoff = RestartBackoff(maximumSeconds: 30, stableSeconds: 10)
        #expect(backoff.failures(after: 5, ranSeconds: 9.9) == 5)
        #expect(backoff.failures(after: 5, ranSeconds: 10) == 0)
    }

    @Test func aZeroCapRestartsAtOnce() {
        #expect(RestartBackoff(maximumSeconds: 0).delay(afterFailures: 4) == 0)
    }
}
