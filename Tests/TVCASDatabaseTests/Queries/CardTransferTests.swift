import Foundation
import TVCASTesting
import Testing

@testable import TVCASDatabase

@Suite("Queries of the CSV export and import")
struct CardTransferTests {
    @Test("keyed batches by serial cover every card once, NULL serials apart; current values and row locks by serial")
    func batches() throws {
        let database = try TestDatabase.migrated(prefix: "transfer")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try connection.cards.insert((0..<25).map { Card(serialNo: 2_100_000_100 - UInt32($0) * 3, name: "c\($0)", start: 1, finish: 2) })
        try database.sql("INSERT INTO tvcas_smartcards (serial_no, name) VALUES (NULL, 'no serial')")
        let columns: [CardColumn] = [.serialNo, .name, .info]
        #expect(try connection.cardTransfer.rowsWithoutSerial(columns).map { $0.values } == [[.null, .text("no serial"), .null]])
        var serials: [UInt32] = []
        var after: Int64 = -1
        while true {
            let rows = try connection.cardTransfer.batch(columns, after: after, limit: 7)
            serials += try rows.map { try $0.decode(at: 0) }
            guard rows.count == 7, let last = rows.last else { break }
            after = try last.decode(at: 0)
        }
        #expect(serials == (0..<25).map { 2_100_000_100 - UInt32($0) * 3 }.sorted())
        try connection.begin()
        let current = try connection.cardTransfer.current(
            [.name, .start], serials: [2_100_000_100, 2_100_000_097, 2_100_000_099], locking: true, batchSize: 2)
        try connection.commit()
        #expect(current == [2_100_000_100: [.text("c0"), .uint(1)], 2_100_000_097: [.text("c1"), .uint(1)]])
    }

    @Test("upsert inserts new serials with c_time and the schema's defaults, overwrites existing ones and keeps their c_time")
    func upsert() throws {
        let database = try TestDatabase.migrated(prefix: "upsert")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try connection.cards.insert(Card(serialNo: 2_100_000_001, name: "old", key: "K", createdAt: 5))
        let columns: [CardColumn] = [.serialNo, .name, .pair, .finish]
        try connection.cardTransfer.upsert(
            [
                [.uint(2_100_000_001), .text("new"), .int(1), .uint(9)], [.uint(2_100_000_002), .text("added"), .int(0), .uint(8)],
                [.uint(2_100_000_002), .text("twice"), .int(1), .uint(7)],
            ], columns: columns, createdAt: 100, batchSize: 2)
        let first = try #require(try connection.cards.find(serial: 2_100_000_001))
        #expect(first.name == "new" && first.pair == 1 && first.finish == 9 && first.createdAt == 5 && first.key == "K")
        let second = try #require(try connection.cards.find(serial: 2_100_000_002))
        #expect(second.name == "twice" && second.finish == 7 && second.createdAt == 100 && second.type == 1 && second.key == "")
    }

    @Test("bulk statements split rows into full batches, then powers of two")
    func statementBatches() {
        #expect(
            StatementBatches.ranges(count: 2537, size: 1000) == [0..<1000, 1000..<2000, 2000..<2512, 2512..<2528, 2528..<2536, 2536..<2537])
        #expect(StatementBatches.ranges(count: 5, size: 1000) == [0..<4, 4..<5])
        #expect(StatementBatches.ranges(count: 2000, size: 1000) == [0..<1000, 1000..<2000])
        #expect(StatementBatches.ranges(count: 0, size: 1000).isEmpty)
    }

    @Test("a batch of change-queue entries: one row per card and transaction, a repeated card's fields merged")
    func changeBatch() throws {
        let database = try TestDatabase.migrated(prefix: "changes")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let request = RequestID.random()
        try connection.changeQueue.record(
            [.init(serial: 1, fields: ["name"]), .init(serial: 2, fields: ["finish", "pair"]), .init(serial: 1, fields: ["info"])],
            source: .csv, requestID: request, at: 50, batchSize: 2)
        let rows = try connection.changeQueue.next(after: 0)
        #expect(rows.map(\.serialNo) == [1, 2])
        #expect(rows.map(\.fields) == ["name,info", "finish,pair"])
        #expect(rows.allSatisfy { $0.source == "csv" && $0.requestID == request.value && $0.changedAt == 50 })
    }
}
