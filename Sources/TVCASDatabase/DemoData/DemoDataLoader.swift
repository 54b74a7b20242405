import Foundation

/// Fills a migrated database with ``DemoData`` through a pool, several batches at once.
public struct DemoDataLoader: Sendable {
    /// What to insert.
    public var demo: DemoData
    /// Cards per multi-row INSERT.
    public var batchSize: Int
    /// Cards per pool job (each job is one transaction of several INSERTs).
    public var chunkSize: Int

    /// A loader.
    public init(demo: DemoData, batchSize: Int = 1000, chunkSize: Int = 10_000) {
        self.demo = demo
        self.batchSize = batchSize
        self.chunkSize = chunkSize
    }

    /// What a load did.
    public struct Report: Sendable {
        /// Cards inserted.
        public var cards: Int
        /// The first and last serial given.
        public var serials: ClosedRange<UInt32>?
        /// Whether the ECMG and EMMG rows were added (false: rows existed already).
        public var addedGenerators: Bool
        /// Log entries added.
        public var logEntries: Int
    }

    /// Inserts `count` cards after the highest serial, and the generator rows and log entries
    /// when there are no generator rows yet.
    public func load(cards count: Int, into pool: ConnectionPool) async throws -> Report {
        let demo = self.demo
        let (firstSerial, addedGenerators) = try await pool.withConnection { connection -> (UInt32, Bool) in
            let first = try connection.cards.nextSerial()
            let hasGenerators = !(try connection.ecmgs.all().isEmpty && connection.emmgs.all().isEmpty)
            if !hasGenerators {
                try connection.ecmgs.insert(demo.ecmg)
                try connection.emmgs.insert(demo.emmg)
                for entry in demo.logEntries { try connection.logs.append(entry) }
            }
            return (first, !hasGenerators)
        }
        guard count > 0 else {
            return Report(cards: 0, serials: nil, addedGenerators: addedGenerators, logEntries: addedGenerators ? demo.logEntries.count : 0)
        }
        let chunkSize = self.chunkSize
        let batchSize = self.batchSize
        let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            let inFlight = pool.threadCount
            func add() {
                guard next < chunks.count else { return }
                let chunk = chunks[next]
                next += 1
                group.addTask {
                    let cards = chunk.map { demo.card(index: $0, serial: firstSerial + UInt32($0)) }
                    _ = try await pool.transaction { connection in
                        try connection.cards.insert(cards, batchSize: batchSize)
                    }
                }
            }
            for _ in 0..<inFlight { add() }
            while try await group.next() != nil { add() }
        }
        return Report(
            cards: count, serials: firstSerial...(firstSerial + UInt32(count - 1)), addedGenerators: addedGenerators,
            logEntries: addedGenerators ? demo.logEntries.count : 0)
    }
}
