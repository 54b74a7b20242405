import ArgumentParser
import TVCASCore

/// `tvcas card apdu`: Send command APDUs to a virtual card loaded from a .bin and print its answers.
struct CardAPDUCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apdu",
        abstract: "Send command APDUs to a virtual card loaded from a .bin and print its answers.",
        discussion: """
            Each token is RESET (power-up: prints the ATR) or the hex bytes of a command as a host sends them \
            (header and data); for each, one line with every byte the card sent back, procedure byte included \
            (an empty line if none), in upper-case hex. The card is a byte stream: bytes a command leaves unread \
            are taken by the next token. A card not yet reset is powered up before the first command. \
            `-` reads tokens from standard input, one per line.
            """
    )

    @OptionGroup var card: CardFileOptions

    @Argument(help: ArgumentHelp("RESET, or a command's hex bytes; - reads tokens from standard input.", valueName: "token"))
    var tokens: [String]

    func run() async throws {
        let tokens = CardFileOptions.expandStandardInput(tokens)
        var commands = [[UInt8]?]()
        for (index, token) in tokens.enumerated() {
            if token.uppercased() == "RESET" {
                commands.append(nil)
            } else if let bytes = CardFileOptions.hexBytes(token), !bytes.isEmpty {
                commands.append(bytes)
            } else {
                throw CoreArgumentParsing.refuse("token \(index + 1) \"\(token)\" is neither RESET nor hex bytes")
            }
        }
        var virtualCard = try card.loadCard()
        for command in commands {
            if let command {
                print(Hex.encode(virtualCard.receive(command)))
            } else {
                print(Hex.encode(virtualCard.powerUp()))
            }
        }
        try card.save(virtualCard)
    }
}
