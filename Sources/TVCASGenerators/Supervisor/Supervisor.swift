import Foundation
import Logging
import Metrics
import TVCASConfig
import TVCASDatabase
import TVCASMetrics

#if canImport(Glibc)
    import Glibc
#endif

/// `tvcas supervise`: keeps one generator process for each eligible row whose run lease this
/// host holds (decisions.md §3), and stops its children when it stops.
///
/// One thread of its own watches the children (spawn, reap, signal) every 50 ms and applies
/// ``SupervisorStateMachine``'s decisions; the database work (polls every 0.5 s, lease renewals,
/// records, housekeeping) runs on ``SupervisorDatabase``'s queue, so an unreachable database
/// only means that the set of wanted generators stops changing.
public final class Supervisor: @unchecked Sendable {
    /// What the supervisor needs besides the configuration.
    public struct Options: Sendable {
        /// The loaded configuration.
        public var configuration: Configuration
        /// How the children are started.
        public var command: ChildCommand
        /// Seconds between database polls.
        public var pollSeconds: Double = 0.5

        /// Options.
        public init(configuration: Configuration, command: ChildCommand) {
            self.configuration = configuration
            self.command = command
        }
    }

    private let options: Options
    private let logger: Logger
    private let stopLock = NSLock()
    private var stopRequested = false
    private let mailboxLock = NSLock()
    private var mailbox: SupervisorDatabase.PollResult?
    private let targetsLock = NSLock()
    private var targets: ScrapeTargets

    /// A supervisor; nothing runs before ``run()``.
    public init(options: Options, logger: Logger = Logger(label: "tvcas.supervise")) {
        self.options = options
        self.logger = logger
        self.targets = ScrapeTargets(keys: [], metrics: options.configuration.metrics, host: options.configuration.supervise.host)
    }

    /// Asks the supervisor to stop its children and return from ``run()``.
    public func requestStop() {
        stopLock.withLock { stopRequested = true }
    }

    private var isStopRequested: Bool { stopLock.withLock { stopRequested } }

    /// Runs until SIGTERM or SIGINT (or ``requestStop()``): serves the metrics, supervises the
    /// children, then stops them and gives up its leases.
    public func run() async throws {
        let configuration = options.configuration
        let registry = MetricsSystemBootstrap.bootstrap()
        var server: MetricsServer?
        if let listen = configuration.metrics.listen {
            do {
                server = try await MetricsServer.start(
                    address: listen.description, registry: registry,
                    routes: ["/targets": { [self] in ("application/json", self.currentTargets.json) }])
            } catch {
                throw SupervisorError.metrics("\(error)")
            }
        }
        let signals = installSignalHandlers()
        let settings = DatabaseSettings(configuration.database, connectTimeout: 2, readTimeout: 5, writeTimeout: 5)
        let pool = ConnectionPool(settings: settings, threads: 1, logger: logger)
        let database = SupervisorDatabase(pool: pool, settings: configuration.supervise, logger: logger)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                self.loop(database: database)
                continuation.resume()
            }
            thread.name = "tvcas-supervise"
            thread.start()
        }
        for source in signals { source.cancel() }
        pool.shutdown()
        await server?.stop()
    }

    private var currentTargets: ScrapeTargets { targetsLock.withLock { targets } }

    private func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in self.requestStop() }
            source.resume()
            return source
        }
    }

    private static func monotonicNow() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    // MARK: The children's thread

    private func loop(database: SupervisorDatabase) {
        let configuration = options.configuration
        let host = configuration.supervise.host
        let savedURL = SavedRows.url(stateDirectory: configuration.stateDirectory, host: host)
        var machine = SupervisorStateMachine(
            graceSeconds: Double(configuration.supervise.graceSeconds),
            backoff: RestartBackoff(maximumSeconds: configuration.supervise.maxBackoffSeconds))
        let childrenGauge = Gauge(label: "tvcas_supervisor_children")
        let databaseGauge = Gauge(label: "tvcas_supervisor_database_up")
        for kind in ["ecmg", "emmg"] {
            // Shown at 0 from the start, so a scrape (and a rate()) sees them before the first event.
            Counter(label: "tvcas_supervisor_starts_total", dimensions: [("kind", kind)]).increment(by: 0)
            Counter(label: "tvcas_supervisor_restarts_total", dimensions: [("kind", kind)]).increment(by: 0)
        }

        // The first poll decides the start; without a database, the saved copy does.
        let first = DispatchSemaphore(value: 0)
        database.poll(now: Self.monotonicNow) { [self] result in
            self.deliver(result)
            first.signal()
        }
        _ = first.wait(timeout: .now() + 10)
        var lastSaved = SavedRows.load(from: savedURL)
        var databaseUp = false
        if case .desired(let desired) = takeMailbox() {
            machine.setDesired(desired)
            databaseUp = true
        } else if let saved = lastSaved {
            logger.warning("database unreachable at start: running the \(saved.entries.count) generators of \(savedURL.path)")
            machine.setDesired(saved.desired)
        } else {
            logger.warning("database unreachable at start and no saved copy: waiting for the database")
        }
        databaseGauge.record(databaseUp ? 1 : 0)

        let parent = getpid()
        var pollInFlight = false
        var nextPoll = Self.monotonicNow() + options.pollSeconds
        var nextHousekeeping = Self.monotonicNow() + 5
        var stopping = false
        var stopDeadline = Double.infinity
        var publishedTargets: [GeneratorKey] = []

        while true {
            let now = Self.monotonicNow()
            if !stopping && isStopRequested {
                stopping = true
                machine.setDesired([:])
                stopDeadline = now + Double(configuration.supervise.graceSeconds) + 3
                logger.info("stopping \(machine.processes.count) generators")
            }
            if let result = takeMailbox() {
                pollInFlight = false
                switch result {
                case .desired(let desired):
                    if !databaseUp { logger.info("database reachable again") }
                    databaseUp = true
                    if !stopping { machine.setDesired(desired) }
                    let copy = SavedRows(host: host, desired: desired)
                    if copy != lastSaved {
                        do {
                            try copy.save(to: savedURL)
                            lastSaved = copy
                        } catch {
                            logger.warning("cannot save \(savedURL.path): \(error)")
                        }
                    }
                case .unreachable(let reason):
                    if databaseUp { logger.warning("database unreachable, changing nothing: \(reason)") }
                    databaseUp = false
                }
                databaseGauge.record(databaseUp ? 1 : 0)
            }
            if !stopping && !pollInFlight && now >= nextPoll {
                pollInFlight = true
                nextPoll = now + options.pollSeconds
                database.poll(now: Self.monotonicNow) { [self] result in self.deliver(result) }
            }
            if !stopping && now >= nextHousekeeping {
                nextHousekeeping = now + 60
                database.pruneChangeQueue()
            }

            // Reap, then act.
            for (key, pid) in machine.processes {
                if let exit = ChildSpawner.reap(pid) {
                    let record = machine.exited(key, exit, now: Self.monotonicNow())
                    report(record, database: database)
                }
            }
            for action in machine.actions(now: Self.monotonicNow()) {
                switch action {
                case .start(let key, _):
                    do {
                        let pid = try ChildSpawner.spawn(options.command.spawnArguments(for: key, parentPID: parent))
                        report(machine.started(key, pid: pid, now: Self.monotonicNow()), database: database)
                    } catch {
                        report(machine.exited(key, .spawnFailed("\(error)"), now: Self.monotonicNow()), database: database)
                    }
                case .terminate(let key, let pid):
                    logger.info("stopping \(key) (pid \(pid))")
                    ChildSpawner.send(SIGTERM, to: pid)
                case .kill(let key, let pid):
                    logger.warning("\(key) (pid \(pid)) did not stop within \(configuration.supervise.graceSeconds) s: SIGKILL")
                    ChildSpawner.send(SIGKILL, to: pid)
                }
            }
            let running = machine.running
            if running != publishedTargets {
                publishedTargets = running
                targetsLock.withLock { targets.keys = running }
                childrenGauge.record(running.count)
            }
            if stopping && (machine.hasNoProcesses || now > stopDeadline) { break }
            usleep(50_000)
        }
        database.releaseAllAndDrain(timeout: 3)
    }

    private func report(_ record: SupervisorRecord, database: SupervisorDatabase) {
        switch record {
        case .started(let key, let pid):
            logger.info("\(key) started (pid \(pid))")
            Counter(label: "tvcas_supervisor_starts_total", dimensions: [("kind", key.kind.rawValue)]).increment()
        case .exited(let key, let exit, let delay):
            logger.warning("\(key) exited (\(exit)), restart in \(delay) s")
            Counter(label: "tvcas_supervisor_restarts_total", dimensions: [("kind", key.kind.rawValue)]).increment()
        case .notConfigured(let key):
            logger.warning("\(key) not configured (exit 3), not restarted")
        case .stopped(let key, let exit):
            logger.info("\(key) stopped (\(exit))")
        }
        database.write(record)
    }

    private func deliver(_ result: SupervisorDatabase.PollResult) {
        mailboxLock.withLock { mailbox = result }
    }

    private func takeMailbox() -> SupervisorDatabase.PollResult? {
        mailboxLock.withLock {
            defer { mailbox = nil }
            return mailbox
        }
    }
}
