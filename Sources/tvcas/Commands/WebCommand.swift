import ArgumentParser
import Foundation
import Logging
import TVCASWeb

/// `tvcas web`: the FastCGI responder behind nginx (`/api.php`, the panels).
struct WebCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve the web panels and the billing API over FastCGI (behind nginx).",
        discussion: """
            Listens on [web] listen (host:port or unix:/path) with [web] workers threads. SIGTERM or \
            SIGINT: stops accepting, finishes the requests in flight, exits 0.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: .hidden)
    var benchmarkTrivial = false

    func run() throws {
        let configuration = try options.loadAndStartLogging()
        let logger = Logger(label: "tvcas.web")
        do {
            let service =
                benchmarkTrivial
                ? try WebService.trivial(configuration: configuration, logger: logger)
                : try WebService(configuration: configuration, logger: logger)
            try service.run()
        } catch {
            ConfigOptions.note("web: \(error)")
            throw ExitCode.failure
        }
    }
}
