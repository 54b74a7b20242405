import TVCASWeb
import Testing

@Suite("Wrong-key throttling per address")
struct WrongKeyThrottleTests {
    @Test("the 11th wrong key in a minute is throttled, until the minute passes; other addresses are not")
    func limit() {
        let throttle = WrongKeyThrottle()
        let start = ContinuousClock.now
        for second in 0..<10 {
            #expect(!throttle.recordFailure(from: "10.0.0.1", at: start + .seconds(second)))
        }
        #expect(throttle.recordFailure(from: "10.0.0.1", at: start + .seconds(10)))
        #expect(throttle.isThrottled("10.0.0.1", at: start + .seconds(30)))
        #expect(!throttle.isThrottled("10.0.0.2", at: start + .seconds(30)))
        #expect(!throttle.isThrottled("10.0.0.1", at: start + .seconds(61)))
        #expect(throttle.totals == (11, 1))
    }
}
