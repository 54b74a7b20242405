import ArgumentParser
import TVCASCore

/// `tvcas ecm decode`: decrypt an ECM and print its fields as one JSON object.
struct ECMDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decrypt an ECM datagram and print its fields as JSON.",
        discussion: "Exit status 1 when the checksum is wrong."
    )

    @Option(help: "The ECM key, 64 hex digits.", transform: CoreArgumentParsing.ecmKey)
    var ecmKey: ECMKey

    @Argument(help: "The 55-byte ECM datagram in hex.", transform: CoreArgumentParsing.datagram)
    var datagram: [UInt8]

    func run() async throws {
        let ecm: DecodedECM
        do {
            ecm = try ECMDecoder(key: ecmKey).decode(datagram)
        } catch {
            throw CoreArgumentParsing.refuse("<datagram>: \(error)")
        }
        print(
            """
            {"table_id":"\(Hex.encode([ecm.tableID]))","time":\(ecm.time),\
            "cw_odd":"\(ecm.oddControlWord.hex)","cw_even":"\(ecm.evenControlWord.hex)",\
            "access_criteria":"\(ecm.accessCriteria.hex)","filler":"\(Hex.encode(ecm.filler))",\
            "checksum_ok":\(ecm.checksumOK)}
            """
        )
        if !ecm.checksumOK { throw ExitCode(1) }
    }
}
