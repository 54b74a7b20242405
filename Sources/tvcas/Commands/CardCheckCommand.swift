import ArgumentParser
import TVCASCore

/// `tvcas card check`: Explain what a card does with ECM and EMM datagrams.
struct CardCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Explain what a card does with ECM and EMM datagrams.",
        discussion: """
            Powers the card up (sending the --cam id as OSCam does, if given), then sends each datagram as OSCam's \
            Conax reader would: 55 bytes as an ECM, 62 bytes as an EMM. Prints one JSON line per datagram: \
            {"kind":"ecm","result":"cw","cw_odd":…,"cw_even":…,"sw":"9822"}, \
            {"kind":"ecm","result":"denied","reason":"expired|not-started|no-package|pairing|checksum|locked|bad-table","detail":…,"sw":"9804"} \
            or {"kind":"emm","result":"applied|ignored","detail":…,"sw":"9000"}. \
            ECMs move the card's counters and anti-sharing state as on a real card; use --state to keep them.
            """
    )

    @OptionGroup var card: CardFileOptions

    @Option(help: ArgumentHelp("The CAM id the host presents (command 0x11), e.g. E0302B as OSCam; none by default.", valueName: "hex6"))
    var cam: String?

    @Argument(help: ArgumentHelp("ECM or EMM datagrams in hex; - reads them from standard input, one per line.", valueName: "datagram-hex"))
    var datagrams: [String]

    func run() async throws {
        let camID: CAMIdentifier?
        do {
            camID = try cam.map { hex throws(CAMIdentifierError) in try CAMIdentifier(hex: hex) }
        } catch {
            throw CoreArgumentParsing.refuse("--cam: \(error)")
        }
        var parsed = [[UInt8]]()
        for (index, text) in CardFileOptions.expandStandardInput(datagrams).enumerated() {
            guard let bytes = CardFileOptions.hexBytes(text) else {
                throw CoreArgumentParsing.refuse("datagram \(index + 1) is not hex bytes")
            }
            guard bytes.count == 55 || bytes.count == 62 else {
                throw CoreArgumentParsing.refuse("datagram \(index + 1) is \(bytes.count) bytes: an ECM is 55 bytes, an EMM 62")
            }
            parsed.append(bytes)
        }
        var reader = CardReader(card: try card.loadCard(), cam: camID)
        for datagram in parsed {
            print(try reader.send(datagram: datagram).jsonLine)
        }
        try card.save(reader.card)
    }
}
