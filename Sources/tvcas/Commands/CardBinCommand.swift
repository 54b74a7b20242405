import ArgumentParser
import Foundation
import TVCASCore

/// `tvcas card bin`: write a card's 90-byte `.bin` into a folder and print its file name.
struct CardBinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bin",
        abstract: "Write a card's 90-byte .bin file and print its file name.",
        discussion: """
            Either --config FILE --serial N (the card from the database; not available yet), or all of \
            --serial --card-key --access-criteria --start --finish --pair --type --ident --trademark --ecm-key --zone.
            """
    )

    @Option(help: "The folder to write the file into (created when missing).")
    var out: String

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "The card serial (any 32-bit number).")
    var serial: UInt32?

    @Option(help: "The card's key, 32 hex digits.", transform: CoreArgumentParsing.cardKey)
    var cardKey: CardKey?

    @Option(help: "The access criteria, 8 hex digits.", transform: CoreArgumentParsing.accessCriteria)
    var accessCriteria: AccessCriteria?

    @Option(help: "Start of the subscription, Unix seconds.")
    var start: UInt32?

    @Option(help: "End of the subscription, Unix seconds.")
    var finish: UInt32?

    @Option(parsing: .unconditional, help: "Pairing: the .bin's flag is set when it is not 0.")
    var pair: Int?

    @Option(parsing: .unconditional, help: "Card type: 1 turns on the anti-sharing protection.")
    var type: Int?

    @Option(help: "The CA system ident, 1 to 4 hex digits (0B00).", transform: CoreArgumentParsing.ident)
    var ident: CardIdent?

    @Option(help: "The operator name (its first 15 UTF-8 bytes are kept).")
    var trademark: String?

    @Option(help: "The ECM key, 64 hex digits, exactly as configured.", transform: CoreArgumentParsing.ecmKey)
    var ecmKey: ECMKey?

    @Option(parsing: .unconditional, help: "Time zone of the Conax dates: a tz name (Europe/Moscow) or ±HHMM.", transform: CoreArgumentParsing.zone)
    var zone: ConaxTimeZone?

    func validate() throws {
        if let config = configOptions.config {
            throw ValidationError(
                "--config \(config): reading the card from the database is not available yet; give the card's values instead")
        }
        let missing = [
            ("--serial", serial == nil), ("--card-key", cardKey == nil), ("--access-criteria", accessCriteria == nil),
            ("--start", start == nil), ("--finish", finish == nil), ("--pair", pair == nil), ("--type", type == nil),
            ("--ident", ident == nil), ("--trademark", trademark == nil), ("--ecm-key", ecmKey == nil), ("--zone", zone == nil),
        ].filter(\.1).map(\.0)
        guard missing.isEmpty else {
            throw ValidationError("missing \(missing.joined(separator: ", ")) (or use --config FILE --serial N)")
        }
    }

    func run() async throws {
        guard let serial, let cardKey, let accessCriteria, let start, let finish, let pair, let type, let ident, let trademark,
            let ecmKey, let zone
        else { throw CoreArgumentParsing.refuse("missing card values") }
        let card = CardSubscription(
            serial: CardSerial(rawValue: serial), accessCriteria: accessCriteria, start: start, finish: finish, pair: pair, type: type)
        let bin = CardBin(card: card, key: cardKey, settings: CardBinSettings(ident: ident, trademark: trademark, ecmKey: ecmKey, zone: zone))
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bin.bytes).write(to: folder.appendingPathComponent(bin.fileName), options: .atomic)
        } catch {
            throw CoreArgumentParsing.refuse("--out \(out): cannot write \(bin.fileName): \(error.localizedDescription)")
        }
        print(bin.fileName)
    }
}
