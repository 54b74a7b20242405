import ArgumentParser
import Dispatch
import Foundation
import Logging
import TVCASConfig
import TVCASCore
import TVCASDatabase
import TVCASGenerators
import TVCASMetrics

/// `tvcas emmg --id N`: run the EMM generator of `tvcas_emmg` row N (issue 10).
struct EMMGCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emmg", abstract: "Run the EMM generator of one tvcas_emmg row (a SimulCrypt client of the MUX).",
        discussion: """
            Connects to the row's MUX, sets up channel and stream, and sends every due card's EMM \
            within the bandwidth, changed cards within seconds. Exit status 3: the row is missing, \
            disabled, deleted or not status 1 (the supervisor does not restart it). SIGTERM closes \
            stream and channel, then exits 0.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The tvcas_emmg row id.")
    var id: UInt32

    @Option(name: .long, help: "Serve Prometheus metrics at host:port (/metrics).")
    var metrics: String?

    @Option(name: .long, help: "Cards per keyed batch.")
    var batch: Int = 5000

    func run() async throws {
        MallocArenas.limit()
        let config = try options.loadAndStartLogging()
        let logger = Logger(label: "emmg_\(id)")
        let metricsServer: MetricsServer?
        if let metrics {
            metricsServer = try await MetricsServer.start(address: metrics, registry: MetricsSystemBootstrap.bootstrap())
        } else {
            metricsServer = nil
        }
        let settings = Self.databaseSettings(config.database)
        let pool = ConnectionPool(settings: settings, threads: 3, logger: logger)
        let daemon = EMMGDaemon(
            options: EMMGDaemonOptions(
                id: id, stateDirectory: config.stateDirectory, zone: ConaxTimeZone(config.zone.timeZone),
                changePollMilliseconds: config.emmg.changePollMilliseconds, batchSize: max(1, batch),
                maxBackoffSeconds: Double(config.supervise.maxBackoffSeconds)),
            pool: pool, logger: logger)
        let signals = Self.onTermination { daemon.requestShutdown() }
        defer {
            for source in signals { source.cancel() }
            pool.shutdown()
        }
        do {
            try await daemon.run()
        } catch let error as EMMGStartError {
            FileHandle.standardError.write(Data("tvcas emmg: \(error)\n".utf8))
            await metricsServer?.stop()
            throw ExitCode(3)
        }
        await metricsServer?.stop()
    }

    /// The database settings of the configuration's `mysql_*` keys.
    static func databaseSettings(_ database: ConfiguredDatabase) -> DatabaseSettings {
        let endpoint: DatabaseSettings.Endpoint
        switch database.connection {
        case .socket(let path): endpoint = .socket(path)
        case .defaultSocket: endpoint = .defaultSocket
        case .tcp(let nodes): endpoint = .tcp(nodes.map { DatabaseSettings.Node(host: $0.host, port: $0.port) })
        }
        return DatabaseSettings(endpoint: endpoint, user: database.user, password: database.password, database: database.database)
    }

    /// Calls `handler` on SIGTERM or SIGINT instead of dying.
    static func onTermination(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}
