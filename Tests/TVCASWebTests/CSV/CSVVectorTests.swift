import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@testable import TVCASWeb

/// Every `csv.json` case: exports byte for byte, imports line by line with the original's
/// reasons, except the three deliberate differences of decisions.md §5.
@Suite("CSV: the golden vectors")
struct CSVVectorTests {
    @Test("the vector file has export and import cases")
    func loaded() {
        #expect(CSVVector.exports.count >= 4)
        #expect(CSVVector.imports.count >= 6)
    }

    @Test("an export is the original's file byte for byte, with its file name", arguments: CSVVector.exports)
    func export(_ vector: CSVVector) throws {
        var writer = CSVWriter(columns: vector.columns)
        for row in vector.db_rows ?? [] { writer.appendLine(vector.values(of: row)) }
        let bytes = writer.take()
        #expect(Data(bytes).testHex == vector.expectedFileHex)
        #expect(writer.lineCount == (vector.db_rows?.count ?? 0) + 1)
        #expect(writer.byteCount == bytes.count)
        let zone = try #require(TimeZone(identifier: vector.timezone ?? "UTC"))
        #expect(CSVFileName.make(columns: vector.columns, at: vector.now, zone: zone) == vector.file_name)
    }

    /// What we deliberately do otherwise (decisions.md §5), per case: problems we add, and the
    /// serials of the original's writes we refuse.
    static let differences: [String: (problems: [String], refused: Set<String>)] = [
        // The original stopped after 10 errors; we report every line. Line 14's serial is new,
        // and an operator import only updates existing cards.
        "csv-import-5": (
            [
                "Line 12. Serial number must be from 2100000000 till 2109999999 (not 9911)",
                "Line 13. Serial number must be from 2100000000 till 2109999999 (not 9912)",
                "Line 14. There is no smartcard 2100000001: an operator import only updates existing cards.",
            ], []
        ),
        // A key must be exactly 32 hex digits: the 36-character key is a bad line.
        "csv-import-6": (["Line 2. Key number must be HEX and length 16 bytes (32 symbols)."], ["2100000008"]),
        // An operator import may not create a card.
        "csv-import-4": (["Line 2. There is no smartcard 2100000007: an operator import only updates existing cards."], ["2100000007"]),
    ]

    @Test("an import judges the lines as the original did, with the three differences", arguments: CSVVector.imports)
    func importLines(_ vector: CSVVector) throws {
        let columns = vector.columns
        var validation = CSVImportValidator(columns: columns, now: vector.now).validate(Array((vector.input_csv ?? "").utf8))
        let existing = Set((vector.existing_serials ?? []).compactMap(UInt32.init))
        if vector.mode == "oper" { validation.add(validation.unknownSerials(existing: existing)) }
        let difference = Self.differences[vector.id] ?? ([], [])
        var expected = vector.originalProblems
        for extra in difference.problems { expected.append(extra) }
        let lineOf = { (text: String) in Int(text.dropFirst(5).prefix { $0.isNumber }) ?? 1 }
        expected = expected.enumerated().sorted { (lineOf($0.element), $0.offset) < (lineOf($1.element), $1.offset) }.map(\.element)
        #expect(validation.problems.map(\.description) == expected)

        // The lines the original wrote (minus those we refuse) are our valid rows, with the same values.
        let kept = vector.writes.filter { !difference.refused.contains($0.values[0]) }
        let rows = validation.rows.filter { row in !validation.problems.contains { $0.line == row.line } }
        #expect(rows.map { $0.values.map(\.vectorText) } == kept.map(\.values))

        // Insert or update as the original decided.
        let current = Dictionary(uniqueKeysWithValues: existing.map { ($0, [SQLValue](repeating: .null, count: columns.columns.count)) })
        let plan = CSVImportPlan(rows: rows, current: current, columns: columns.columns)
        #expect(plan.added == kept.filter(\.insert).count)
        #expect(plan.updated == kept.filter { !$0.insert }.count)
    }

    @Test("the import's log row reads as the original's", arguments: CSVVector.imports)
    func logRow(_ vector: CSVVector) throws {
        let html = try #require(vector.alert_html)
        let added = Int(try #require(html.firstMatch(of: /Add new: (\d+)/)?.output.1))!
        let updated = Int(try #require(html.firstMatch(of: /Update items: (\d+)/)?.output.1))!
        #expect([CSVImportSummary(added: added, updated: updated, seconds: 0).logMessage] == vector.log_messages)
    }
}
