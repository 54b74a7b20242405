import Foundation
import TVCASCore
import TVCASTesting
import Testing

/// The friendly layer: a host's view of the card's answers, explained.
@Suite("Card reader: answers explained")
struct CardReaderTests {
    /// The card and the ECM/EMM datagrams of a scenario.
    static func datagrams(_ id: String) throws -> (bin: Data, datagrams: [[UInt8]]) {
        let scenario = try #require(CardScenarioTests.scenarios.first { $0.id == id })
        var datagrams = [[UInt8]]()
        for step in scenario.steps {
            let apdu = [UInt8](Data(testHex: step.command_apdu_hex ?? "")!)
            if step.action == "ecm" { datagrams.append(Array(apdu[8...])) }
            if step.action == "emm" { datagrams.append(Array(apdu[7...])) }
        }
        return (Data(testHex: scenario.card_bin_hex)!, datagrams)
    }

    static func jsonLines(_ id: String, cam: CAMIdentifier? = nil) throws -> [String] {
        let (bin, datagrams) = try datagrams(id)
        var reader = try CardReader(bin: bin, cam: cam)
        return try datagrams.map { try reader.send(datagram: $0).jsonLine }
    }

    @Test("accepted ECMs give the control words as JSON")
    func accepted() throws {
        #expect(
            try Self.jsonLines("ecm-accept-80") == [
                #"{"kind":"ecm","result":"cw","cw_odd":"0102030405060708","cw_even":"1112131415161718","sw":"9822"}"#
            ])
    }

    @Test("the time window: not started, then control words, then expired")
    func timeWindow() throws {
        let lines = try Self.jsonLines("ecm-time-window")
        #expect(lines.count == 6)
        #expect(
            lines[0]
                == #"{"kind":"ecm","result":"denied","reason":"not-started","detail":"subscription start 2023-11-14 22:13:20 UTC is not before the ECM time 2023-11-14 22:13:19 UTC","sw":"9804"}"#
        )
        #expect(lines[2].contains(#""result":"cw""#))
        #expect(
            lines[5]
                == #"{"kind":"ecm","result":"denied","reason":"expired","detail":"subscription finish 2023-11-15 22:13:20 UTC is not after the ECM time 2023-11-15 22:13:21 UTC","sw":"9804"}"#
        )
    }

    @Test("no common package")
    func noPackage() throws {
        let lines = try Self.jsonLines("ecm-ac")
        #expect(
            lines[0].contains(#""reason":"no-package","detail":"no common package: card access criteria 0000FFFF, ECM access criteria FFFF0000""#))
    }

    @Test("checksum: the wrong key half, and a flipped bit")
    func checksum() throws {
        let wrongHalf = try Self.jsonLines("ecm-wrong-key-half")
        #expect(
            wrongHalf[0].contains(#""reason":"checksum","detail":"the ECM does not decrypt to a valid message with the even ECM key (table 0x80)"#))
        let flipped = try Self.jsonLines("ecm-bad-checksum")
        #expect(flipped.map { $0.contains(#""reason":"checksum""#) } == [true, true, true, false])
    }

    @Test("pairing: a fresh paired card refuses OSCam's CAM until an EMM binds it")
    func pairing() throws {
        let (bin, datagrams) = try Self.datagrams("pairing-fresh-card")
        var reader = try CardReader(bin: bin, cam: .oscam)
        let answer = try reader.send(ecm: datagrams[0])
        #expect(answer.result == .denied(.pairing))
        #expect(answer.decision.detail.contains("paired with no CAM yet (00 00 00) but the host presented CAM E0302B"))
        var bare = try CardReader(bin: bin)
        #expect(try bare.send(ecm: datagrams[0]).statusWord == 0x9822)
    }

    @Test("locked: anti-sharing, and the 7-day unlock")
    func locked() throws {
        let lines = try Self.jsonLines("antisharing-lock-1s")
        let denied = lines.enumerated().filter { $0.element.contains("denied") }
        #expect(denied.count == 3)
        #expect(denied[0].element.contains(#""reason":"locked","detail":"this ECM locked the card"#))
        #expect(denied[1].element.contains(#""reason":"locked","detail":"the card is locked by anti-sharing since 2023-11-14 22:19:02 UTC"#))
        #expect(lines.last!.contains(#""result":"cw""#))
    }

    @Test("table ids other than 0x80/0x81: a bad table when denied, control words when forged right")
    func tables() throws {
        #expect(try Self.jsonLines("ecm-table-other").allSatisfy { $0.contains(#""result":"cw""#) })
        let (bin, datagrams) = try Self.datagrams("ecm-accept-80")
        var reader = try CardReader(bin: bin)
        var ecm = datagrams[0]
        ecm[0] = 0x90
        let answer = try reader.send(ecm: ecm)
        #expect(answer.result == .denied(.badTable))
        #expect(answer.decision.detail.hasPrefix("table id 0x90 is neither 0x80 nor 0x81, so the card decrypted with the first 16 record bytes"))
    }

    @Test("EMMs: applied, for another card, mismatched, not an EMM")
    func emms() throws {
        let applied = try Self.jsonLines("emm-bad-checksum-applied")[0]
        #expect(
            applied.hasPrefix(#"{"kind":"emm","result":"applied","detail":"subscription access criteria FFFFFFFF, start 2023-11-13 22:13:20 UTC"#))
        #expect(applied.hasSuffix(#"checksum wrong (computed 04, EMM carries 05): recorded, not enforced","sw":"9000"}"#))
        let other = try Self.jsonLines("emm-other-serial")[0]
        #expect(
            other.hasPrefix(#"{"kind":"emm","result":"ignored","detail":"addressed to serial 2100009999, this card is 2100000501: nothing stored"#))
        #expect(try Self.jsonLines("emm-plain-serial-mismatch")[0].contains("decrypted serial is 2100000502"))
        let (bin, datagrams) = try Self.datagrams("emm-p1-not-82")
        var reader = try CardReader(bin: bin)
        let answer = try reader.send(emm: datagrams[0])
        #expect(answer.effect.outcome == .notAnEMM)
        #expect(answer.cardWasReset)
        #expect(reader.card.isIdle)
    }

    @Test("datagrams of other lengths are refused")
    func badLengths() throws {
        let (bin, _) = try Self.datagrams("ecm-accept-80")
        var reader = try CardReader(bin: bin)
        #expect(throws: CardReaderError.badDatagramLength(54)) { try reader.send(datagram: [UInt8](repeating: 0, count: 54)) }
        #expect(throws: CardReaderError.badECMLength(62)) { try reader.send(ecm: [UInt8](repeating: 0, count: 62)) }
        #expect(throws: CardReaderError.badEMMLength(55)) { try reader.send(emm: [UInt8](repeating: 0, count: 55)) }
    }

    @Test("CAM ids from hex")
    func camIDs() throws {
        #expect(try CAMIdentifier(hex: "e0302b") == .oscam)
        #expect(throws: CAMIdentifierError.notSixHexDigits("E030")) { try CAMIdentifier(hex: "E030") }
    }
}
