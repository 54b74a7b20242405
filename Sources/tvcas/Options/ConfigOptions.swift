import ArgumentParser

/// `--config FILE`, taken by every subcommand that needs the configuration.
///
/// Precedence (decisions.md §6): `--config` > `TVCAS_CONFIG` > `/etc/tvcas/tvcas.toml`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The TOML configuration file (default: $TVCAS_CONFIG, then /etc/tvcas/tvcas.toml).")
    var config: String?
}
