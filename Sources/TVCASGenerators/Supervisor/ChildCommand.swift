import TVCASConfig

/// How a generator's process is started: `<executable> ecmg|emmg --id N --config FILE --metrics
/// 127.0.0.1:PORT`, run through the parent-death helper (`tvcas supervise --exec-parent PID --
/// …`, see ``ParentDeath``) so that it dies with the supervisor.
public struct ChildCommand: Sendable, Hashable {
    /// The program that runs a generator: the `tvcas` executable itself, or a stand-in in tests.
    public var executable: String
    /// The configuration file handed to each child.
    public var configPath: String
    /// The `tvcas` executable that runs the parent-death helper.
    public var helperExecutable: String
    /// Where the metrics ports come from.
    public var metrics: MetricsSettings

    /// A command.
    public init(executable: String, configPath: String, helperExecutable: String, metrics: MetricsSettings) {
        self.executable = executable
        self.configPath = configPath
        self.helperExecutable = helperExecutable
        self.metrics = metrics
    }

    /// The generator's own command line.
    public func generatorArguments(for key: GeneratorKey) -> [String] {
        [
            executable, key.subcommand, "--id", "\(key.id)", "--config", configPath,
            "--metrics", "127.0.0.1:\(ScrapeTargets.port(of: key, metrics: metrics))",
        ]
    }

    /// The command line actually spawned: the helper, which sets the parent-death signal and
    /// then executes the generator's command line.
    public func spawnArguments(for key: GeneratorKey, parentPID: Int32) -> [String] {
        [helperExecutable, "supervise", "--exec-parent", "\(parentPID)", "--"] + generatorArguments(for: key)
    }
}
