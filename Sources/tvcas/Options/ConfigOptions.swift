import ArgumentParser
import Foundation
import TVCASConfig

/// `--config FILE`, taken by every subcommand that needs the configuration.
///
/// Precedence (decisions.md §6): `--config` > `TVCAS_CONFIG` > `/etc/tvcas/tvcas.toml`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The TOML configuration file (default: $TVCAS_CONFIG, then /etc/tvcas/tvcas.toml).")
    var config: String?

    /// The file to read, by the precedence above.
    var path: String { ConfigurationFile.path(explicit: config) }

    /// Loads and validates the configuration, printing each warning to standard error.
    ///
    /// Throws ``ConfigurationError`` (printed by the argument parser, exit status 1) when the file
    /// is missing, not TOML, or has a key with an unusable value.
    func load() throws(ConfigurationError) -> Configuration {
        let loaded = try Configuration.load(path: path)
        for warning in loaded.warnings { Self.warn("\(loaded.path): \(warning)") }
        return loaded.configuration
    }

    /// Prints `tvcas: warning: <message>` to standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("tvcas: warning: \(message)\n".utf8))
    }

    /// Prints `tvcas: <message>` to standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("tvcas: \(message)\n".utf8))
    }
}
