import ArgumentParser
import TVCASCore

/// `tvcas ecm encode`: build one ECM as the ECMG answers a CW_provision, and print it in hex.
struct ECMEncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Build a 55-byte ECM datagram and print it in hex.",
        discussion: "The two --cw are the CW_provision's cp_cw_combination entries in message order."
    )

    @Option(help: "The ECM key, 64 hex digits.", transform: CoreArgumentParsing.ecmKey)
    var ecmKey: ECMKey

    @Option(help: "The crypto period number (0-65535); its parity picks the table id and key half.")
    var cpNumber: UInt16

    @Option(help: "A control word, 16 hex digits; give it twice, in message order.", transform: CoreArgumentParsing.controlWord)
    var cw: [ControlWord]

    @Option(help: "The access criteria, 8 hex digits.", transform: CoreArgumentParsing.accessCriteria)
    var accessCriteria: AccessCriteria

    @Option(help: "The ECM time, Unix seconds.")
    var time: UInt32

    @Option(help: "The 23 filler bytes, 46 hex digits (default: random).", transform: CoreArgumentParsing.filler)
    var filler: [UInt8]?

    func validate() throws {
        guard cw.count == 2 else { throw ValidationError("--cw must be given exactly twice, got \(cw.count)") }
    }

    func run() async throws {
        let datagram: [UInt8]
        if let filler {
            datagram = try build(ECMBuilder(key: ecmKey, random: RecordedBytes(filler)))
        } else {
            datagram = try build(ECMBuilder(key: ecmKey, random: SystemRandomSource()))
        }
        print(Hex.encode(datagram))
    }

    private func build(_ builder: ECMBuilder<some RandomByteSource>) throws -> [UInt8] {
        try builder.build(cpNumber: cpNumber, controlWords: (cw[0], cw[1]), accessCriteria: accessCriteria, time: time)
    }
}
