import ArgumentParser
import Foundation
import Logging
import TVCASConfig
import TVCASGenerators
import TVCASMetrics

/// `tvcas ecmg --id N`: run ECM generator N (row N of `tvcas_ecmg`) until SIGTERM.
struct ECMGCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecmg", abstract: "Run an ECM generator (row --id of tvcas_ecmg) for SimulCrypt scramblers.",
        discussion: """
            Listens on the row's host and port for SCS connections (ETSI TS 103 197 ECMG<>SCS, \
            versions 1-3) and answers CW_provision with TVCAS3 ECMs. Exit status 3: the row is \
            missing, disabled, not status 1 or unusable (not restarted by the supervisor).
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The tvcas_ecmg row to run.")
    var id: UInt32

    @Option(name: .long, help: "Serve Prometheus metrics at host:port (/metrics).")
    var metrics: String?

    func run() async throws {
        MallocArenas.limit()
        let configuration: Configuration
        do {
            configuration = try options.loadAndStartLogging()
        } catch {
            FileHandle.standardError.write(Data("tvcas ecmg: \(error)\n".utf8))
            throw ExitCode.failure
        }
        MetricsSystemBootstrap.bootstrap()
        let logger = Logger(label: "ecmg_\(id)")
        let status = await ECMGDaemon(id: id, configuration: configuration, metricsAddress: metrics, logger: logger).run()
        if status != 0 { throw ExitCode(status) }
    }
}
