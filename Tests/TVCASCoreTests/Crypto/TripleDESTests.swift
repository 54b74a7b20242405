import Foundation
import TVCASCore
import TVCASTesting
import Testing

@Suite("3DES (two-key EDE, ECB)")
struct TripleDESTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        var id: String
        var key_hex: String
        var plaintext_hex: String
        var ciphertext_hex: String
        var testDescription: String { id }
    }

    static let vectors = (try? GoldenVectors.cases(Vector.self, from: "des3.json")) ?? []

    @Test("des3.json encrypts byte for byte", arguments: vectors)
    func encrypts(vector: Vector) throws {
        let cipher = try TripleDES(key: Data(testHex: vector.key_hex)!)
        #expect(Data(try cipher.encrypt(Data(testHex: vector.plaintext_hex)!)).testHex == vector.ciphertext_hex.uppercased())
    }

    @Test("decrypt inverts encrypt for whole blocks", arguments: vectors.filter { $0.plaintext_hex.count % 16 == 0 })
    func decrypts(vector: Vector) throws {
        let cipher = try TripleDES(key: Data(testHex: vector.key_hex)!)
        #expect(Data(try cipher.decrypt(Data(testHex: vector.ciphertext_hex)!)).testHex == vector.plaintext_hex.uppercased())
    }

    @Test("the stack notes' check value")
    func checkValue() throws {
        let cipher = try TripleDES(key: Data(testHex: "0123456789ABCDEFFEDCBA9876543210")!)
        let out = try cipher.encrypt(Data(testHex: "0123456789ABCDEF00112233445566778899AABBCCDDEEFF")!)
        #expect(Data(out).testHex == "1A4D672DCA6CB33531A7364CAC91CA39C0489F69BEC54FA2")
    }

    @Test("a key that is not 16 bytes is refused")
    func badKey() {
        #expect(throws: TripleDESError.badKeyLength(15)) { try TripleDES(key: [UInt8](repeating: 0, count: 15)) }
    }
}
