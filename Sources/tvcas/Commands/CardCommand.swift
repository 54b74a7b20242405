import ArgumentParser

/// `tvcas card`: card tools — the `.bin` file, APDUs to the virtual card, datagram checks.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Card tools: the .bin file, APDUs to the virtual card, datagram checks.",
        subcommands: [CardBinCommand.self, CardAPDUCommand.self, CardCheckCommand.self]
    )
}
