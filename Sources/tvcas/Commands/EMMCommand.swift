import ArgumentParser

/// `tvcas emm`: encode and decode EMM datagrams.
struct EMMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emm",
        abstract: "Encode and decode EMM datagrams.",
        subcommands: [EMMEncodeCommand.self, EMMDecodeCommand.self]
    )
}
