import Foundation
import TVCASTesting
import Testing

@Suite("Golden vectors")
struct GoldenVectorsTests {
    struct Identified: Decodable { var id: String }

    @Test(
        "every vector file is found and decodes as a list of cases",
        arguments: [
            "des3.json", "ecm.json", "emm.json", "slydate.json", "cardbin.json", "card.json", "simulcrypt.json", "csv.json",
        ])
    func loads(file: String) throws {
        let cases = try GoldenVectors.cases(Identified.self, from: file)
        #expect(!cases.isEmpty)
        #expect(Set(cases.map(\.id)).count == cases.count)
    }

    @Test("hex round trip")
    func hex() {
        #expect(Data(testHex: "00 ff7E")?.testHex == "00FF7E")
        #expect(Data(testHex: "0") == nil)
    }
}
