import TVCASCore
import TVCASTesting
import Testing

@Suite("EMM: emm.json byte for byte")
struct EMMVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var id: String
        var timezone: String
        var serial_no: UInt32
        var card_key_hex: String
        var access_criteria_hex: String
        var pair: LooseInt
        var type: LooseInt
        var start: UInt32
        var finish: UInt32
        var slydate_start: Int
        var slydate_finish: Int
        var checksum1: Int
        var checksum2: Int
        var plaintext_hex: String
        var emm_datagram_hex: String
        var testDescription: String { id }

        var subscription: CardSubscription {
            get throws {
                CardSubscription(
                    serial: CardSerial(rawValue: serial_no), accessCriteria: try AccessCriteria(hex: access_criteria_hex),
                    start: start, finish: finish, pair: pair.value, type: type.value)
            }
        }
    }

    static let vectors = (try? GoldenVectors.cases(Vector.self, from: "emm.json")) ?? []

    @Test("the vector file is there")
    func loaded() { #expect(!Self.vectors.isEmpty) }

    @Test("builds the datagram", arguments: vectors)
    func builds(vector: Vector) throws {
        let builder = EMMBuilder(zone: try ConaxTimeZone(vector.timezone))
        let datagram = try builder.build(for: try vector.subscription, key: try CardKey(hex: vector.card_key_hex))
        #expect(Hex.encode(datagram) == vector.emm_datagram_hex)
    }

    @Test("decodes the datagram", arguments: vectors)
    func decodes(vector: Vector) throws {
        let decoded = try EMMDecoder(key: try CardKey(hex: vector.card_key_hex)).decode(Hex.decode(vector.emm_datagram_hex)!)
        #expect(decoded.headerSerial.rawValue == vector.serial_no)
        #expect(decoded.serial.rawValue == vector.serial_no)
        #expect(decoded.accessCriteria == (try AccessCriteria(hex: vector.access_criteria_hex)))
        #expect(decoded.start == vector.start)
        #expect(decoded.finish == vector.finish)
        #expect(decoded.finishPlusOne == vector.finish &+ 1)
        #expect(Int(decoded.conaxStart) == vector.slydate_start & 0xFFFF)
        #expect(Int(decoded.conaxFinish) == vector.slydate_finish & 0xFFFF)
        #expect(decoded.pair == (vector.pair.value > 0 ? 1 : 0))
        #expect(decoded.type == (vector.type.value == 1 ? 1 : 0))
        #expect(Int(decoded.checksum1) == vector.checksum1)
        #expect(Int(decoded.checksum2) == vector.checksum2)
        #expect(decoded.checksum1OK && decoded.checksum2OK)
    }

    @Test("finish 4294967295 wraps to 0")
    func finishWraps() throws {
        let subscription = CardSubscription(
            serial: CardSerial(rawValue: 1), accessCriteria: AccessCriteria(rawValue: 1), start: 0, finish: .max, pair: 0, type: 0)
        let key = try CardKey(hex: "1234567890A0B1C21234567890A0B1C2")
        let decoded = try EMMDecoder(key: key).decode(try EMMBuilder(zone: .utc).build(for: subscription, key: key))
        #expect(decoded.finishPlusOne == 0)
        #expect(decoded.finish == .max)
    }

    @Test("the worked example of formats.md")
    func workedExample() throws {
        let subscription = CardSubscription(
            serial: CardSerial(rawValue: 2_100_000_005), accessCriteria: AccessCriteria(rawValue: 0xFFFF_FFFF),
            start: 1_596_643_920, finish: 1_601_917_980, pair: 0, type: 2)
        let key = try CardKey(hex: "98FA4C8CF74769DE8374C7AEC8CF7476")
        let datagram = try EMMBuilder(zone: try ConaxTimeZone("Europe/Moscow")).build(for: subscription, key: key)
        #expect(
            Hex.encode(datagram)
                == "82703B0000007D2B75057032641024CA5771A48814B9FEADD592DDA388443ACFBE1A700464038AA54BE26C42F710028399A724856341F59BAC8A57D4B573"
        )
    }

    @Test("malformed datagrams are refused")
    func malformed() throws {
        let vector = try #require(Self.vectors.first)
        let decoder = EMMDecoder(key: try CardKey(hex: vector.card_key_hex))
        let datagram = Hex.decode(vector.emm_datagram_hex)!
        #expect(throws: EMMDecodeError.badLength(63)) { try decoder.decode(datagram + [0]) }
        var wrong = datagram
        wrong[0] = 0x80
        #expect(throws: EMMDecodeError.badHeader(offset: 0, found: 0x80, expected: 0x82)) { try decoder.decode(wrong) }
    }
}
