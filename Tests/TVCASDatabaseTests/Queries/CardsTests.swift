import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("Queries on the cards")
struct CardsTests {
    @Test("the fixture's cards read through Cards.find(serial:) with every original value")
    func fixtureCards() throws {
        let database = try TestDatabase(prefix: "cards")
        defer { database.drop() }
        try database.server.load(RepositoryPaths.fixtureDump, into: database.name)
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try Migrator(catalog: TestDatabase.catalog).migrate(on: connection)
        let expected = try database.sql(
            "SELECT id, serial_no, name, IFNULL(info,'<null>'), `key`, access_criteria, IFNULL(cn,'<null>'), type, pair, IFNULL(start,'<null>'), IFNULL(finish,'<null>'), IFNULL(edit,'<null>') FROM tvcas_smartcards ORDER BY id"
        ).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(expected.count == 6)
        for fields in expected {
            let card = try #require(try connection.cards.find(serial: UInt32(fields[1])!))
            let null = { (value: String?) in value ?? "<null>" }
            let text = { (value: UInt32?) in value.map(String.init) ?? "<null>" }
            #expect(String(card.id) == fields[0])
            #expect(card.name == fields[2])
            #expect(null(card.info) == fields[3])
            #expect(card.key == fields[4])
            #expect(card.accessCriteria == fields[5])
            #expect(null(card.cn) == fields[6])
            #expect(String(card.type) == fields[7])
            #expect(String(card.pair) == fields[8])
            #expect(text(card.start) == fields[9])
            #expect(text(card.finish) == fields[10])
            #expect(text(card.editedAt) == fields[11])
            #expect(try connection.cards.find(id: card.id) == card)
        }
        #expect(try connection.cards.find(serial: 2_109_999_999) == nil)
        #expect(try connection.cards.count() == 6)
        #expect(try connection.cards.nextSerial() == 2_100_000_006)
        #expect(try connection.cards.search("Мария").map(\.name).contains("Мария Иванова"))
        #expect(try connection.cards.search("210-000-000-3").map(\.serialNo) == [2_100_000_003])
        #expect(try connection.cards.search("210000000").count == 6)
        #expect(try connection.cards.search("21").count == 6)
        #expect(try connection.cards.search("9999999999").isEmpty)
        #expect(try connection.cards.all(after: 0, limit: 4).count == 4)
        let withCreation = try connection.cards.all().filter { $0.createdAt != nil }.count
        #expect(try connection.cards.created(since: 0).count == withCreation)
    }

    @Test("insert, batch insert, update and delete; a 4-byte name survives")
    func writes() throws {
        let database = try TestDatabase.migrated(prefix: "cards")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let demo = DemoData(ecmKey: "")
        let id = try connection.cards.insert(Card(serialNo: 2_100_000_000, name: "Zoë 🎬 Ёж", key: "00112233445566778899AABBCCDDEEFF"))
        #expect(try connection.cards.find(id: id)?.name == "Zoë 🎬 Ёж")
        try connection.cards.insert((1...2500).map { demo.card(index: $0, serial: 2_100_000_000 + UInt32($0)) }, batchSize: 1000)
        #expect(try connection.cards.count() == 2501)
        let sample = try #require(try connection.cards.find(serial: 2_100_001_234))
        #expect(sample == demo.card(index: 1234, serial: 2_100_001_234).with(id: sample.id))
        #expect(try connection.cards.updateSubscription(serial: 2_100_000_000, accessCriteria: "FFFFFFFF", start: 1, finish: 2, editedAt: 3))
        #expect(!(try connection.cards.updateSubscription(serial: 2_000_000_000, accessCriteria: "FFFFFFFF", start: 1, finish: 2, editedAt: 3)))
        #expect(try connection.cards.find(id: id)?.accessCriteria == "FFFFFFFF")
        var edited = try #require(try connection.cards.find(id: id))
        edited.name = "Иван Петров"
        edited.info = nil
        edited.pair = 10
        #expect(try connection.cards.update(edited))
        #expect(try connection.cards.find(id: id) == edited)
        #expect(try connection.cards.delete(id: id))
        #expect(try connection.cards.find(id: id) == nil)
    }

    @Test("demo cards have valid keys and access criteria, serials 210xxxxxxx, and both scripts")
    func demoCards() {
        let demo = DemoData(ecmKey: "")
        let cards = (0..<500).map { demo.card(index: $0, serial: 2_100_000_000 + UInt32($0)) }
        let hex = { (text: String, count: Int) in text.count == count && text.allSatisfy { $0.isHexDigit && !$0.isLowercase } }
        #expect(cards.allSatisfy { hex($0.key, 32) && hex($0.accessCriteria, 8) })
        #expect(cards.contains { $0.name.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
        #expect(cards.contains { $0.name.unicodeScalars.allSatisfy { $0.value < 0x0400 } })
        #expect(Set(cards.map(\.accessCriteria)).count > 4)
        #expect(
            cards.contains { $0.finish == nil } && cards.contains { ($0.finish ?? 0) < demo.now } && cards.contains { ($0.finish ?? 0) > demo.now })
        #expect(Set(cards.map(\.key)).count == cards.count)
    }
}

extension Card {
    func with(id: UInt32) -> Card {
        var copy = self
        copy.id = id
        return copy
    }
}
