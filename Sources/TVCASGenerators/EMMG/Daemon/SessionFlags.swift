import SimulCrypt
import Synchronization

/// What the reader of one MUX connection has seen, for the task that sends.
final class SessionFlags: Sendable {
    struct Values: Sendable {
        var channelOpen = false
        var streamOpen = false
        var allocationSeen = false
        var closeResponseSeen = false
        var errors: [EMMGErrorStatus] = []
        var ended: MUXSessionEnd?
    }

    private let values = Mutex(Values())

    func update(_ body: (inout Values) -> Void) { values.withLock { body(&$0) } }
    var snapshot: Values { values.withLock { $0 } }
}
