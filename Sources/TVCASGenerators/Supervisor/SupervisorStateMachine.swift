/// The supervisor's decisions, without processes or a database: which generators should run
/// (``setDesired(_:)``), which children exist, and what to do about the difference at a given
/// time (``actions(now:)``). Times are seconds on a monotonic clock, passed in, so tests drive
/// it with a clock of their own.
public struct SupervisorStateMachine: Sendable {
    /// A child's state.
    enum ChildState: Hashable, Sendable {
        /// Running as `pid` since `since`; `failures` quick deaths before this start.
        case running(pid: Int32, since: Double, failures: Int)
        /// SIGTERM sent at `since`; `killed` once SIGKILL followed.
        case stopping(pid: Int32, since: Double, killed: Bool)
        /// Died; start again at `until`.
        case waiting(until: Double, failures: Int)
        /// Exited 3 while its row read `fingerprint`.
        case notConfigured(fingerprint: String)
    }

    /// Seconds between SIGTERM and SIGKILL (`grace_seconds`).
    public let graceSeconds: Double
    /// The restart policy.
    public let backoff: RestartBackoff
    /// The generators that should run, each with its row's fingerprint.
    public private(set) var desired: [GeneratorKey: String] = [:]
    private(set) var children: [GeneratorKey: ChildState] = [:]

    /// A supervisor with nothing to run yet.
    public init(graceSeconds: Double, backoff: RestartBackoff) {
        self.graceSeconds = graceSeconds
        self.backoff = backoff
    }

    /// Sets what should run (from the database, or the saved copy while it is unreachable).
    public mutating func setDesired(_ rows: [GeneratorKey: String]) {
        desired = rows
    }

    /// The running children's process ids, including those being stopped.
    public var processes: [GeneratorKey: Int32] {
        children.compactMapValues { state in
            switch state {
            case .running(let pid, _, _), .stopping(let pid, _, _): pid
            case .waiting, .notConfigured: nil
            }
        }
    }

    /// The children that run and are meant to (not being stopped).
    public var running: [GeneratorKey] {
        children.compactMap { key, state in
            if case .running = state { key } else { nil }
        }.sorted()
    }

    /// True when no child process is left.
    public var hasNoProcesses: Bool { processes.isEmpty }

    /// What to do now; the returned terminations and kills are already noted as done.
    public mutating func actions(now: Double) -> [SupervisorAction] {
        var actions: [SupervisorAction] = []
        for key in Set(desired.keys).union(children.keys).sorted() {
            let state = children[key]
            if let fingerprint = desired[key] {
                switch state {
                case nil:
                    actions.append(.start(key, restart: false))
                case .waiting(let until, _) where now >= until:
                    actions.append(.start(key, restart: true))
                case .notConfigured(let seen) where seen != fingerprint:
                    children[key] = nil
                    actions.append(.start(key, restart: false))
                case .stopping(let pid, let since, false) where now - since >= graceSeconds:
                    children[key] = .stopping(pid: pid, since: since, killed: true)
                    actions.append(.kill(key, pid: pid))
                default:
                    break
                }
            } else {
                switch state {
                case .running(let pid, _, _):
                    children[key] = .stopping(pid: pid, since: now, killed: false)
                    actions.append(.terminate(key, pid: pid))
                case .stopping(let pid, let since, false) where now - since >= graceSeconds:
                    children[key] = .stopping(pid: pid, since: since, killed: true)
                    actions.append(.kill(key, pid: pid))
                case .waiting, .notConfigured:
                    children[key] = nil
                default:
                    break
                }
            }
        }
        return actions
    }

    /// Notes that a ``SupervisorAction/start(_:restart:)`` gave process `pid`.
    public mutating func started(_ key: GeneratorKey, pid: Int32, now: Double) -> SupervisorRecord {
        var failures = 0
        if case .waiting(_, let previous) = children[key] { failures = previous }
        children[key] = .running(pid: pid, since: now, failures: failures)
        return .started(key, pid: pid)
    }

    /// Notes that a child ended (or could not be started) and says what to record.
    public mutating func exited(_ key: GeneratorKey, _ exit: ChildExit, now: Double) -> SupervisorRecord {
        switch children[key] {
        case .stopping:
            children[key] = nil
            return .stopped(key, exit)
        case .running(_, let since, let previous):
            return died(key, exit, ranSeconds: now - since, failuresBefore: previous, now: now)
        case .waiting(_, let previous):
            return died(key, exit, ranSeconds: 0, failuresBefore: previous, now: now)
        case .notConfigured, nil:
            return died(key, exit, ranSeconds: 0, failuresBefore: 0, now: now)
        }
    }

    private mutating func died(
        _ key: GeneratorKey, _ exit: ChildExit, ranSeconds: Double, failuresBefore: Int, now: Double
    )
        -> SupervisorRecord
    {
        if exit.isNotConfigured {
            children[key] = .notConfigured(fingerprint: desired[key] ?? "")
            return .notConfigured(key)
        }
        let failures = backoff.failures(after: failuresBefore, ranSeconds: ranSeconds)
        let delay = backoff.delay(afterFailures: failures)
        children[key] = .waiting(until: now + Double(delay), failures: failures + 1)
        return .exited(key, exit, restartIn: delay)
    }
}
