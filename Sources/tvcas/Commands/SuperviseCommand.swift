import ArgumentParser
import Foundation
import Logging
import TVCASConfig
import TVCASGenerators

/// `tvcas supervise`: Run the ECMG and EMMG processes the database asks for (decisions.md §3).
struct SuperviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervise", abstract: "Run the generators the database enables, on this host.",
        discussion: """
            Keeps one `tvcas ecmg --id N` / `tvcas emmg --id N` process for each enabled generator row \
            ([supervise] host, run_on) whose run lease this host holds; starts, stops and restarts \
            them as the rows change, serves metrics and the children's endpoints (/targets) on \
            [metrics] listen, and stops the children when it stops.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("The program run as `PROGRAM ecmg|emmg --id N ...` (tests).", visibility: .hidden))
    var childCommand: String?

    @Option(name: .long, help: ArgumentHelp("Internal: the helper that starts one child.", visibility: .hidden))
    var execParent: Int32?

    @Argument(parsing: .postTerminator, help: ArgumentHelp("Internal: the child's command line.", visibility: .hidden))
    var childArguments: [String] = []

    func run() async throws {
        if let parent = execParent {
            let reason = ParentDeath.execute(childArguments, parent: parent)
            ConfigOptions.note("supervise: \(reason)")
            throw ExitCode(127)
        }
        let configuration = try options.loadAndStartLogging()
        let executable = Self.ownExecutable
        let configPath = URL(fileURLWithPath: options.path).standardizedFileURL.path
        let command = ChildCommand(
            executable: childCommand ?? executable, configPath: configPath, helperExecutable: executable,
            metrics: configuration.metrics)
        do {
            try await Supervisor(options: Supervisor.Options(configuration: configuration, command: command)).run()
        } catch let error as SupervisorError {
            ConfigOptions.note("supervise: \(error)")
            throw ExitCode.failure
        }
    }

    /// This `tvcas` executable's path.
    static var ownExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
