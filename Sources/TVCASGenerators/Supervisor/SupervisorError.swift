/// Why the supervisor could not do something.
public enum SupervisorError: Error, Sendable, CustomStringConvertible {
    /// `posix_spawn` of the program failed.
    case cannotSpawn(String, reason: String)
    /// The metrics address could not be served.
    case metrics(String)

    public var description: String {
        switch self {
        case .cannotSpawn(let path, let reason): "cannot start \(path): \(reason)"
        case .metrics(let reason): "metrics: \(reason)"
        }
    }
}
