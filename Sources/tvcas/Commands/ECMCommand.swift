import ArgumentParser

/// `tvcas ecm`: encode and decode ECM datagrams.
struct ECMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecm",
        abstract: "Encode and decode ECM datagrams.",
        subcommands: [ECMEncodeCommand.self, ECMDecodeCommand.self]
    )
}
