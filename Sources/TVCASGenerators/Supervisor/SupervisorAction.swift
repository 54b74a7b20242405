/// What the supervisor must do to its children now, as decided by ``SupervisorStateMachine``.
public enum SupervisorAction: Hashable, Sendable {
    /// Start the generator (`restart`: after it died).
    case start(GeneratorKey, restart: Bool)
    /// Send SIGTERM to the child.
    case terminate(GeneratorKey, pid: Int32)
    /// Send SIGKILL to the child: it outlived `grace_seconds` after SIGTERM.
    case kill(GeneratorKey, pid: Int32)
}
