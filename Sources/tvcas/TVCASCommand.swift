import ArgumentParser

/// The `tvcas` command: every part of TVCAS is one of its subcommands.
///
/// Subcommands only parse their arguments and call into the library targets; the work itself
/// lives there, so that it can be tested without a process.
@main
struct TVCASCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tvcas",
        abstract: "TVCAS: a conditional-access system for digital-TV operators.",
        subcommands: [
            // Formats and card tools (core).
            ECMCommand.self,
            EMMCommand.self,
            ConaxDateCommand.self,
            CardCommand.self,
            // Configuration.
            HashPasswordCommand.self,
            ImportLegacyConfigCommand.self,
            CheckConfigCommand.self,
            InitConfigCommand.self,
            // Database.
            MigrateCommand.self,
            DemoDataCommand.self,
            // Web.
            WebCommand.self,
            // Generators.
            ECMGCommand.self,
            EMMGCommand.self,
            SuperviseCommand.self,
        ]
    )
}
