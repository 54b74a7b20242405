import Synchronization

/// The running log retention of a `tvcas web` (``LogRetention/startBackground(settings:interval:logger:)``).
public final class LogRetentionTask: Sendable {
    private let state = Mutex<(stopped: Bool, passes: Int, removed: UInt64)>((false, 0, 0))

    init() {}

    /// Asks the thread to end (within a second).
    public func stop() { state.withLock { $0.stopped = true } }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { state.withLock { $0.stopped } }

    /// How many pruning passes finished, and how many rows they removed in all.
    public var progress: (passes: Int, removed: UInt64) { state.withLock { ($0.passes, $0.removed) } }

    func recordPass(removed: UInt64) {
        state.withLock {
            $0.passes += 1
            $0.removed += removed
        }
    }
}
