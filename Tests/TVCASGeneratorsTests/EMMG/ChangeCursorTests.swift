import TVCASGenerators
import Testing

@Suite("The change cursor's commit-order rule")
struct ChangeCursorTests {
    typealias Change = ChangeCursor.Change

    @Test("a row committed after a higher id is still handed out, once")
    func outOfOrderCommit() {
        var cursor = ChangeCursor(stored: 10)
        // t = 1000: id 12 is visible, id 11 not yet committed.
        #expect(cursor.query(now: 1000) == (10, 970))
        let first = cursor.accept([Change(id: 12, serial: 2, changedAt: 999)], now: 1000)
        #expect(first.map(\.id) == [12])
        // t = 1005: 11 has committed (changed_at 998); 12 comes back through the window and is ignored.
        let second = cursor.accept([Change(id: 11, serial: 1, changedAt: 998), Change(id: 12, serial: 2, changedAt: 999)], now: 1005)
        #expect(second.map(\.id) == [11])
        #expect(cursor.stored == 10)
    }

    @Test("the stored cursor only moves past rows older than 30 s")
    func cursorMovesAfterWindow() {
        var cursor = ChangeCursor(stored: 0)
        _ = cursor.accept([Change(id: 1, serial: 1, changedAt: 100), Change(id: 2, serial: 2, changedAt: 120)], now: 121)
        #expect(cursor.stored == 0)
        #expect(!cursor.needsStoring)
        _ = cursor.accept([Change(id: 1, serial: 1, changedAt: 100), Change(id: 2, serial: 2, changedAt: 120)], now: 131)
        #expect(cursor.stored == 1)
        #expect(cursor.needsStoring)
        cursor.markStored()
        _ = cursor.accept([Change(id: 2, serial: 2, changedAt: 120)], now: 151)
        #expect(cursor.stored == 2)
        #expect(cursor.query(now: 151) == (2, 121))
    }

    @Test("every change is handed out exactly once whatever the commit order")
    func shuffledCommits() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            // 40 changes, ids 1…40, changed at t = id; each commits 0–20 s after its changed_at.
            let commits = (1...40).map { id in (id: UInt64(id), at: UInt32(id) + UInt32.random(in: 0...20, using: &generator)) }
            var cursor = ChangeCursor(stored: 0)
            var handed: [UInt64] = []
            for now in UInt32(1)...UInt32(120) {
                let query = cursor.query(now: now)
                let visible = commits.filter { $0.at <= now }
                    .map { Change(id: $0.id, serial: UInt32($0.id), changedAt: UInt32($0.id)) }
                    .filter { $0.id > query.after || $0.changedAt >= query.since }
                handed += cursor.accept(visible, now: now).map(\.id)
            }
            #expect(handed.sorted() == Array(1...40))
            #expect(cursor.stored == 40)
        }
    }
}
