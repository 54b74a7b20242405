import TVCASCore
import TVCASTesting
import Testing

@Suite("ECM: ecm.json byte for byte")
struct ECMVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        struct Entry: Decodable, Sendable {
            var cp: Int
            var cw_hex: String
        }
        var id: String
        var ecm_key_hex: String
        var cp_number: Int
        var cp_cw_combination: [Entry]
        var access_criteria_hex: String
        var time: UInt32
        var table_id: Int
        var filler_hex: String
        var plaintext_cw_first_hex: String
        var plaintext_cw_second_hex: String
        var ecm_datagram_hex: String
        var testDescription: String { id }
    }

    static let vectors = (try? GoldenVectors.cases(Vector.self, from: "ecm.json")) ?? []

    @Test("the vector file is there")
    func loaded() { #expect(!Self.vectors.isEmpty) }

    @Test("builds the datagram", arguments: vectors)
    func builds(vector: Vector) throws {
        let builder = ECMBuilder(key: try ECMKey(hex: vector.ecm_key_hex), random: RecordedBytes(Hex.decode(vector.filler_hex)!))
        let datagram = try builder.build(
            cpNumber: UInt16(vector.cp_number),
            controlWords: (
                try ControlWord(hex: vector.cp_cw_combination[0].cw_hex), try ControlWord(hex: vector.cp_cw_combination[1].cw_hex)
            ),
            accessCriteria: try AccessCriteria(hex: vector.access_criteria_hex),
            time: vector.time
        )
        #expect(Hex.encode(datagram) == vector.ecm_datagram_hex)
    }

    @Test("builds into a caller's buffer", arguments: vectors.prefix(3))
    func buildsInto(vector: Vector) throws {
        let builder = ECMBuilder(key: try ECMKey(hex: vector.ecm_key_hex), random: RecordedBytes(Hex.decode(vector.filler_hex)!))
        var buffer = [UInt8](repeating: 0, count: 60)
        try buffer.withUnsafeMutableBytes { raw in
            try builder.build(
                cpNumber: UInt16(vector.cp_number),
                controlWords: (
                    try ControlWord(hex: vector.cp_cw_combination[0].cw_hex), try ControlWord(hex: vector.cp_cw_combination[1].cw_hex)
                ),
                accessCriteria: try AccessCriteria(hex: vector.access_criteria_hex), time: vector.time, into: raw)
        }
        #expect(Hex.encode(buffer.prefix(55)) == vector.ecm_datagram_hex)
        #expect(buffer.suffix(5) == [0, 0, 0, 0, 0])
    }

    @Test("decodes the datagram", arguments: vectors)
    func decodes(vector: Vector) throws {
        let decoded = try ECMDecoder(key: try ECMKey(hex: vector.ecm_key_hex)).decode(Hex.decode(vector.ecm_datagram_hex)!)
        #expect(decoded.tableID == UInt8(vector.table_id))
        #expect(decoded.time == vector.time)
        #expect(decoded.oddControlWord.hex == vector.plaintext_cw_first_hex)
        #expect(decoded.evenControlWord.hex == vector.plaintext_cw_second_hex)
        #expect(decoded.accessCriteria == (try AccessCriteria(hex: vector.access_criteria_hex)))
        #expect(Hex.encode(decoded.filler) == vector.filler_hex)
        #expect(decoded.checksumOK)
    }

    @Test("a flipped ciphertext bit fails the checksum")
    func tampered() throws {
        let vector = try #require(Self.vectors.first)
        var datagram = Hex.decode(vector.ecm_datagram_hex)!
        datagram[20] ^= 1
        let decoded = try ECMDecoder(key: try ECMKey(hex: vector.ecm_key_hex)).decode(datagram)
        #expect(!decoded.checksumOK)
    }

    @Test("malformed datagrams are refused")
    func malformed() throws {
        let vector = try #require(Self.vectors.first)
        let decoder = ECMDecoder(key: try ECMKey(hex: vector.ecm_key_hex))
        let datagram = Hex.decode(vector.ecm_datagram_hex)!
        #expect(throws: ECMDecodeError.badLength(54)) { try decoder.decode(datagram.dropLast()) }
        var wrongTable = datagram
        wrongTable[0] = 0x82
        #expect(throws: ECMDecodeError.badTableID(0x82)) { try decoder.decode(wrongTable) }
        var wrongHeader = datagram
        wrongHeader[5] = 0x65
        #expect(throws: ECMDecodeError.badHeader(offset: 5, found: 0x65, expected: 0x64)) { try decoder.decode(wrongHeader) }
    }

    @Test("a recorded source too short for the filler is an error")
    func shortFiller() throws {
        let builder = ECMBuilder(key: try ECMKey(hex: String(repeating: "00", count: 32)), random: RecordedBytes([1, 2, 3]))
        #expect(throws: ECMError.random(.notEnoughRecordedBytes(have: 3, wanted: 23))) {
            try builder.build(
                cpNumber: 0, controlWords: (ControlWord(rawValue: 0), ControlWord(rawValue: 1)), accessCriteria: AccessCriteria(rawValue: 1), time: 0)
        }
    }
}
