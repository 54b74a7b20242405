import Synchronization

/// The CW log records waiting for the database worker: appended on the ECM path (a short lock,
/// no I/O), taken in batches once a second. Bounded: past ``capacity`` records (the database is
/// away for long) new records are dropped and counted.
public final class CWLogBuffer: Sendable {
    /// The most records held.
    public let capacity: Int
    private let records: Mutex<[CWLogRecord]>
    private let droppedCount = Atomic<UInt64>(0)

    /// A buffer of at most `capacity` records.
    public init(capacity: Int = 100_000) {
        self.capacity = capacity
        records = Mutex([])
    }

    /// Adds a record; `false` (and counted as dropped) when the buffer is full.
    @discardableResult
    public func append(_ record: CWLogRecord) -> Bool {
        let added = records.withLock { records in
            guard records.count < capacity else { return false }
            records.append(record)
            return true
        }
        if !added { droppedCount.add(1, ordering: .relaxed) }
        return added
    }

    /// Takes every waiting record, oldest first.
    public func drain() -> [CWLogRecord] {
        records.withLock { records in
            let taken = records
            records.removeAll(keepingCapacity: true)
            return taken
        }
    }

    /// Counts records lost elsewhere (a batch the database refused).
    public func countDropped(_ count: Int) {
        droppedCount.add(UInt64(count), ordering: .relaxed)
    }

    /// Records dropped so far (buffer full, or their batch failed).
    public var dropped: UInt64 { droppedCount.load(ordering: .relaxed) }

    /// Records waiting.
    public var count: Int { records.withLock { $0.count } }
}
