import Synchronization

/// Failed logins per client address (decisions.md §5): five failures within five minutes pause
/// that address for 60 seconds. In memory, per `tvcas web` process.
final class LoginThrottle: Sendable {
    private let failures = Mutex<[String: [UInt32]]>([:])
    /// Failures that start a pause.
    static let limit = 5
    /// The window they are counted in, seconds.
    static let window: UInt32 = 300
    /// The pause, seconds.
    static let pause: UInt32 = 60

    /// Whether `address` is paused at `time`.
    func isPaused(_ address: String, at time: UInt32) -> Bool {
        failures.withLock { table in
            let recent = (table[address] ?? []).filter { $0 + Self.window > time }
            guard recent.count >= Self.limit, let last = recent.last else { return false }
            return last + Self.pause > time
        }
    }

    /// Counts a failure of `address` at `time`.
    func recordFailure(_ address: String, at time: UInt32) {
        failures.withLock { table in
            var recent = (table[address] ?? []).filter { $0 + Self.window > time }
            recent.append(time)
            table[address] = Array(recent.suffix(Self.limit))
            if table.count > 10_000 { table = table.filter { $0.value.last.map { $0 + Self.window > time } ?? false } }
        }
    }
}
