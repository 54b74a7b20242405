import ArgumentParser
import TVCASCore

/// `tvcas emm encode`: build one card's "subscription add" EMM and print it in hex.
struct EMMEncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Build a card's 62-byte EMM datagram and print it in hex."
    )

    @Option(help: "The card's key, 32 hex digits.", transform: CoreArgumentParsing.cardKey)
    var cardKey: CardKey

    @Option(help: "The card serial (any 32-bit number).")
    var serial: UInt32

    @Option(help: "The access criteria, 8 hex digits.", transform: CoreArgumentParsing.accessCriteria)
    var accessCriteria: AccessCriteria

    @Option(help: "Start of the subscription, Unix seconds.")
    var start: UInt32

    @Option(help: "End of the subscription, Unix seconds.")
    var finish: UInt32

    @Option(parsing: .unconditional, help: "Pairing: the EMM's flag is set when it is > 0.")
    var pair: Int

    @Option(parsing: .unconditional, help: "Card type: 1 turns on the anti-sharing protection.")
    var type: Int

    @Option(parsing: .unconditional, help: "Time zone of the Conax dates: a tz name (Europe/Moscow) or ±HHMM.", transform: CoreArgumentParsing.zone)
    var zone: ConaxTimeZone

    func run() async throws {
        let subscription = CardSubscription(
            serial: CardSerial(rawValue: serial), accessCriteria: accessCriteria, start: start, finish: finish, pair: pair, type: type)
        print(Hex.encode(try EMMBuilder(zone: zone).build(for: subscription, key: cardKey)))
    }
}
