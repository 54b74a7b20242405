import ArgumentParser
import Foundation
import TVCASCore

/// `tvcas emm decode`: decrypt an EMM and print its fields as one JSON object.
struct EMMDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decrypt an EMM datagram and print its fields as JSON.",
        discussion: "`finish` is the stored value minus one. Exit status 1 when a checksum is wrong."
    )

    @Option(help: "The card's key, 32 hex digits.", transform: CoreArgumentParsing.cardKey)
    var cardKey: CardKey

    @Argument(help: "The 62-byte EMM datagram in hex.", transform: CoreArgumentParsing.datagram)
    var datagram: [UInt8]

    func run() async throws {
        let emm: DecodedEMM
        do {
            emm = try EMMDecoder(key: cardKey).decode(datagram)
        } catch {
            throw CoreArgumentParsing.refuse("<datagram>: \(error)")
        }
        print(
            """
            {"serial_no":\(emm.serial.rawValue),"access_criteria":"\(emm.accessCriteria.hex)",\
            "start":\(emm.start),"finish":\(emm.finish),\
            "conax_start":"\(Hex.encode(UInt64(emm.conaxStart), digits: 4))",\
            "conax_finish":"\(Hex.encode(UInt64(emm.conaxFinish), digits: 4))",\
            "pair":\(emm.pair),"type":\(emm.type),\
            "checksum1_ok":\(emm.checksum1OK),"checksum2_ok":\(emm.checksum2OK)}
            """
        )
        if emm.headerSerial != emm.serial {
            FileHandle.standardError.write(Data("the header serial \(emm.headerSerial) differs from the serial inside, \(emm.serial)\n".utf8))
            throw ExitCode(1)
        }
        if !emm.checksum1OK || !emm.checksum2OK { throw ExitCode(1) }
    }
}
