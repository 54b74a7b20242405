import TVCASGenerators
import Testing

@Suite("EMMG pacing with a mock clock")
struct PacingTests {
    @Test("the token bucket never lets more than rate × time plus one burst through")
    func bucketCapsTheRate() {
        // 64 kbit/s = 8000 bytes/s; 62-byte EMMs; burst of 4.
        var bucket = TokenBucket(kilobitsPerSecond: 64, capacity: 62 * 4, now: 0)
        var now = 0.0
        var sent = 0
        while now < 10 {
            let delay = bucket.delay(before: 62, now: now)
            now += delay
            if now >= 10 { break }
            bucket.consume(62, now: now)
            sent += 62
        }
        #expect(sent <= 8000 * 10 + 62 * 4)
        #expect(sent >= 8000 * 10 - 62)
    }

    @Test("a new allocation changes the rate from then on")
    func allocationChangesRate() {
        var bucket = TokenBucket(kilobitsPerSecond: 64, capacity: 62, now: 0)
        bucket.consume(62, now: 0)
        #expect(abs(bucket.delay(before: 62, now: 0) - 62.0 / 8000) < 1e-9)
        bucket.setRate(kilobitsPerSecond: 128, now: 0)
        #expect(abs(bucket.delay(before: 62, now: 0) - 62.0 / 16000) < 1e-9)
    }

    @Test("the cycle takes max(repetition ≥ 60 s, what the bandwidth allows)")
    func cyclePlan() {
        // 100 cards at 64 kbit/s: 6200 bytes take < 1 s, so the 60 s floor holds (repetition 30 is raised).
        let small = CyclePlan(datagrams: 100, bytesPerDatagram: 62, kilobitsPerSecond: 64, repetition: 30)
        #expect(small.cycleSeconds == 60)
        #expect(small.interval == 0.6)
        // 1,000,000 cards at 64 kbit/s: 62 MB take 7750 s.
        let large = CyclePlan(datagrams: 1_000_000, bytesPerDatagram: 62, kilobitsPerSecond: 64, repetition: 600)
        #expect(large.cycleSeconds == 7750)
        // TS packets count 188 bytes each.
        let packets = CyclePlan(datagrams: 1_000_000, bytesPerDatagram: 188, kilobitsPerSecond: 1000, repetition: 60)
        #expect(packets.cycleSeconds == 1504)
    }

    @Test("the pacer spreads cycle EMMs over the cycle and lets changes go ahead, never beyond the bucket")
    func pacerSpreadsAndLetsChangesThrough() {
        var pacer = EMMPacer(kilobitsPerSecond: 64, bytesPerDatagram: 62, burstDatagrams: 2, now: 0)
        pacer.setInterval(1)
        var now = 0.0
        var cycleTimes: [Double] = []
        for _ in 0..<5 {
            now += pacer.delay(before: 62, urgent: false, now: now)
            pacer.sent(62, urgent: false, now: now)
            cycleTimes.append(now)
        }
        #expect(cycleTimes == [0, 1, 2, 3, 4])
        // A change right after goes at once (the bucket has refilled), not at t = 5.
        #expect(pacer.delay(before: 62, urgent: true, now: now + 0.1) == 0)
        // Many changes back to back are held to the bandwidth.
        var urgentNow = now + 0.1
        for _ in 0..<100 {
            urgentNow += pacer.delay(before: 62, urgent: true, now: urgentNow)
            pacer.sent(62, urgent: true, now: urgentNow)
        }
        #expect(urgentNow - (now + 0.1) >= 98.0 * 62 / 8000 - 1e-9)
    }

    @Test("a late sender catches up at most one interval, not in a burst")
    func pacerDoesNotBurstAfterStall() {
        var pacer = EMMPacer(kilobitsPerSecond: 10_000, bytesPerDatagram: 62, now: 0)
        pacer.setInterval(1)
        pacer.sent(62, urgent: false, now: 0)
        // Stalled until t = 100 (a reconnect): the next goes now, the one after one interval later at most.
        #expect(pacer.delay(before: 62, urgent: false, now: 100) == 0)
        pacer.sent(62, urgent: false, now: 100)
        #expect(pacer.delay(before: 62, urgent: false, now: 100) == 0)
        pacer.sent(62, urgent: false, now: 100)
        #expect(pacer.delay(before: 62, urgent: false, now: 100) > 0.9)
    }

    @Test("backoff doubles, is capped and jittered into [d/2, d]")
    func backoff() {
        var backoff = Backoff(base: 0.5, cap: 30)
        let highs = (0..<10).map { _ in backoff.nextDelay(random: { 1 }) }
        #expect(highs == [0.5, 1, 2, 4, 8, 16, 30, 30, 30, 30])
        backoff.reset()
        #expect(backoff.nextDelay(random: { 0 }) == 0.25)
    }
}
