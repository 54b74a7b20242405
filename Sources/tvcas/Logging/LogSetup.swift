import Logging
import TVCASConfig

extension ConfigOptions {
    /// For the long-running commands (`web`, `ecmg`, `emmg`, `supervise`): loads the
    /// configuration like ``load()``, sets up logging at its `log_level` (``LogSetup``), and
    /// logs each warning as a log line (`tvcas.config`) instead of printing it.
    func loadAndStartLogging() throws(ConfigurationError) -> Configuration {
        let loaded = try Configuration.load(path: path)
        LogSetup.bootstrap(loaded.configuration)
        let logger = Logger(label: "tvcas.config")
        for warning in loaded.warnings { logger.warning("\(loaded.path): \(warning)") }
        return loaded.configuration
    }
}

/// Sets up the process's logging once: ``OneLineLogHandler`` on standard error at the
/// configuration's `log_level`.
enum LogSetup {
    /// Bootstraps swift-log for `configuration` (call once, before the first logger is made).
    static func bootstrap(_ configuration: Configuration) {
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in OneLineLogHandler(label: label, level: level) }
    }
}
