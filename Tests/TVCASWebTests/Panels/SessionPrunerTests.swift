import Testing

@testable import TVCASWeb

/// When the idle-session pruning runs: the first request, then at most once a minute.
@Suite("Panels: idle session pruning schedule")
struct SessionPrunerTests {
    @Test("the first claim prunes; the next within a minute does not; a minute later, or a clock set back, prunes again")
    func schedule() {
        let pruner = SessionPruner()
        #expect(pruner.claim(at: 1_000_000))
        #expect(!pruner.claim(at: 1_000_001))
        #expect(!pruner.claim(at: 1_000_059))
        #expect(pruner.claim(at: 1_000_060))
        #expect(!pruner.claim(at: 1_000_100))
        #expect(pruner.claim(at: 999_000))
    }
}
