/// The most recent EMMs sent, in one flat buffer of fixed size: what the EMMG keeps cycling while
/// MariaDB is gone (decisions.md §3). An EMM depends only on its card row, so re-sending a stored
/// one is the same as building it again.
public struct RecentEMMs: Sendable {
    /// Bytes of one EMM.
    public static let emmLength = 62
    /// How many EMMs fit.
    public let capacity: Int
    private var storage: [UInt8]
    private var serials: [UInt32]
    private var positions: [UInt32: Int] = [:]
    private var next = 0
    /// How many EMMs are held.
    public private(set) var count = 0
    private var replayIndex = 0

    /// A buffer for `capacity` EMMs (62 bytes each).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = [UInt8](repeating: 0, count: self.capacity * Self.emmLength)
        serials = [UInt32](repeating: 0, count: self.capacity)
    }

    /// Keeps `emm` (62 bytes) for `serial`, replacing the card's older EMM or the oldest one.
    public mutating func keep(_ emm: some Collection<UInt8>, serial: UInt32) {
        let slot: Int
        if let existing = positions[serial] {
            slot = existing
        } else {
            slot = next
            if count == capacity { positions[serials[slot]] = nil } else { count += 1 }
            next = (next + 1) % capacity
            positions[serial] = slot
            serials[slot] = serial
        }
        storage.replaceSubrange(slot * Self.emmLength..<(slot + 1) * Self.emmLength, with: emm.prefix(Self.emmLength))
    }

    /// The next EMM to re-send, round the buffer, or nil when it is empty.
    public mutating func replayNext() -> [UInt8]? {
        guard count > 0 else { return nil }
        let slot = replayIndex % count
        replayIndex = (slot + 1) % count
        return Array(storage[slot * Self.emmLength..<(slot + 1) * Self.emmLength])
    }
}
