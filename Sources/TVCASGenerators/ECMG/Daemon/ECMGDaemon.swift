import Foundation
import Logging
import NIOCore
import NIOPosix
import TVCASConfig
import TVCASCore
import TVCASDatabase
import TVCASMetrics

/// `tvcas ecmg --id N`: loads row N of `tvcas_ecmg`, serves SCS connections until SIGTERM, and
/// keeps the database side current (see ``ECMGDatabaseWorker``).
public struct ECMGDaemon: Sendable {
    /// Exit statuses.
    public enum ExitStatus {
        /// Stopped by SIGTERM/SIGINT.
        public static let stopped: Int32 = 0
        /// Could not start (the address could not be bound, …): the supervisor restarts it.
        public static let failed: Int32 = 1
        /// The row is missing, disabled, not `status = 1` or unusable (decisions.md §3): not restarted.
        public static let notConfigured: Int32 = 3
    }

    /// The row id.
    public var id: UInt32
    /// The loaded configuration.
    public var configuration: Configuration
    /// `host:port` for `/metrics`, when given.
    public var metricsAddress: String?
    /// The logger.
    public var logger: Logger

    /// A daemon for row `id`.
    public init(id: UInt32, configuration: Configuration, metricsAddress: String? = nil, logger: Logger) {
        self.id = id
        self.configuration = configuration
        self.metricsAddress = metricsAddress
        self.logger = logger
    }

    /// The saved copy of the row in `state_dir`.
    public var savedCopy: SavedSettingsFile<ECMGRowSettings> {
        SavedSettingsFile(directory: configuration.stateDirectory, name: "ecmg_\(id).json")
    }

    /// Runs until SIGTERM or SIGINT and returns the exit status.
    public func run() async -> Int32 {
        let signals = TerminationSignals()
        let pool = ConnectionPool(settings: .forGenerator(configuration.database), threads: 1, logger: logger)
        let settings: ECMGRowSettings
        switch await loadSettings(pool: pool, signals: signals) {
        case .settings(let loaded): settings = loaded
        case .refused(let refusal):
            FileHandle.standardError.write(Data("tvcas ecmg: \(refusal), not started\n".utf8))
            return ExitStatus.notConfigured
        case .interrupted:
            return ExitStatus.stopped
        }
        checkKey(settings)

        var metricsServer: MetricsServer?
        if let metricsAddress {
            do {
                metricsServer = try await MetricsServer.start(address: metricsAddress, registry: MetricsSystemBootstrap.bootstrap())
            } catch {
                logger.error("metrics on \(metricsAddress): \(error)")
            }
        }
        let service = ECMGServiceContext(settings: settings, ident: configuration.identValue, logger: logger)
        service.metrics.settingsVersion.record(Int64(settings.version))
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
        let server: ECMGServer
        do {
            server = try await ECMGServer.start(service: service, group: group)
        } catch {
            logger.error("cannot listen on \(settings.listenHost):\(settings.port): \(error)")
            FileHandle.standardError.write(Data("tvcas ecmg: cannot listen on \(settings.listenHost):\(settings.port): \(error)\n".utf8))
            try? await group.shutdownGracefully()
            return ExitStatus.failed
        }
        let worker = ECMGDatabaseWorker(
            pool: pool, server: server, cwLogMinutes: configuration.ecmg.cwLogMinutes, savedCopy: savedCopy)
        let work = Task { await worker.run() }

        let signal = await signals.wait()
        logger.info("signal \(signal): stopping")
        // Whatever happens below, the process is gone within 2 s of the signal.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.8) { exit(ExitStatus.stopped) }
        await server.shutdown()
        work.cancel()
        await worker.finish(timeout: .milliseconds(800))
        await metricsServer?.stop()
        try? await group.shutdownGracefully()
        logger.info("stopped")
        return ExitStatus.stopped
    }

    // MARK: Start

    enum Start {
        case settings(ECMGRowSettings)
        case refused(ECMGRowCheck.Refusal)
        case interrupted
    }

    /// The row's settings from the database; while it is unreachable, the saved copy, else retries
    /// with backoff (1 s doubling to 30 s) until it answers or a signal comes.
    func loadSettings(pool: ConnectionPool, signals: TerminationSignals) async -> Start {
        var delay = 1.0
        let id = self.id
        while signals.received == nil {
            do {
                let row = try await pool.withConnection { try $0.ecmgs.find(id: id) }
                let settings = try ECMGRowCheck.settings(id: id, row: row)
                do {
                    try savedCopy.save(settings)
                } catch {
                    logger.warning("cannot save the row's copy to \(savedCopy.path): \(error)")
                }
                return .settings(settings)
            } catch let refusal as ECMGRowCheck.Refusal {
                return .refused(refusal)
            } catch {
                if let saved = savedCopy.load(), saved.id == id {
                    logger.warning("database unreachable (\(error)); starting from the saved copy \(savedCopy.path), version \(saved.version)")
                    return .settings(saved)
                }
                logger.warning("database unreachable (\(error)) and no saved copy of the row; retrying in \(Int(delay)) s")
                let deadline = Date().addingTimeInterval(delay)
                while Date() < deadline, signals.received == nil {
                    try? await Task.sleep(for: .milliseconds(100))
                }
                delay = min(30, delay * 2)
            }
        }
        return .interrupted
    }

    /// Logs an error when the row's key is not the configuration's `ecm_key` (decisions.md §3).
    func checkKey(_ settings: ECMGRowSettings) {
        guard let configured = try? ECMKey(hex: configuration.ecmKey) else { return }
        if !settings.key.sameKey(as: configured) {
            logger.error(
                "ECMG_\(id): the row's ECM key differs from the configuration's ecm_key; cards made with ecm_key will not decode these ECMs")
        }
    }
}
