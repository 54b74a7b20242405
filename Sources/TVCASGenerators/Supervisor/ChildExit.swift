/// How a child process ended.
public enum ChildExit: Hashable, Sendable, CustomStringConvertible {
    /// It exited with this status.
    case status(Int32)
    /// A signal killed it.
    case signal(Int32)
    /// It could not be started at all (the reason).
    case spawnFailed(String)

    /// Exit status 3: the daemon found its row missing, disabled or not `status = 1` (decisions.md §3).
    public var isNotConfigured: Bool { self == .status(3) }

    /// `status 1`, `signal 9`, `spawn failed: …`: the text of the log rows and `last_exit`.
    public var description: String {
        switch self {
        case .status(let code): "status \(code)"
        case .signal(let number): "signal \(number)"
        case .spawnFailed(let reason): "spawn failed: \(reason)"
        }
    }

    /// Decodes a `waitpid` status.
    public init(waitStatus: Int32) {
        let signal = waitStatus & 0x7f
        if signal == 0 {
            self = .status((waitStatus >> 8) & 0xff)
        } else {
            self = .signal(signal)
        }
    }
}
