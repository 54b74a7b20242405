/// Something the supervisor writes down in `tvcas_generator_state` and `tvcas_logs`.
public enum SupervisorRecord: Hashable, Sendable {
    /// A child started as `pid`.
    case started(GeneratorKey, pid: Int32)
    /// A child died on its own and will be started again after `restartIn` seconds.
    case exited(GeneratorKey, ChildExit, restartIn: Int)
    /// A child exited 3 (not configured): it is not restarted until its row changes.
    case notConfigured(GeneratorKey)
    /// A child the supervisor stopped (disabled, deleted, handed over, shutdown) has ended.
    case stopped(GeneratorKey, ChildExit)

    /// Which generator.
    public var key: GeneratorKey {
        switch self {
        case .started(let key, _), .exited(let key, _, _), .notConfigured(let key), .stopped(let key, _): key
        }
    }
}
