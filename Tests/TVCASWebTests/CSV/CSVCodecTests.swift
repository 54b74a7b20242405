import TVCASDatabase
import Testing

@testable import TVCASWeb

/// The CSV codec beyond the vectors: quoting, reading quoted fields, the checks the original
/// did not make, and what an import plan queues.
@Suite("CSV: writer, reader, validator, plan")
struct CSVCodecTests {
    private func text(_ records: [CSVRecord]) -> [[String]] {
        records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test("a value is quoted only when it holds ;, a quote or a line break")
    func quoting() {
        #expect(CSVWriter.field("a,b \"c\"") == "\"a,b \"\"c\"\"\"")
        #expect(CSVWriter.field("Moscow, Lenina 1") == "Moscow, Lenina 1")
        #expect(CSVWriter.field("Moscow; Lenina 1") == "\"Moscow; Lenina 1\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVWriter.field("\"quoted\" start") == "\"\"\"quoted\"\" start\"")
        #expect(CSVWriter.field("say \"hi\"; bye") == "\"say \"\"hi\"\"; bye\"")
        #expect(CSVWriter.field("") == "")
    }

    @Test("lines: header first, \\n between lines, none at the end, NULL empty, numbers in decimal")
    func lines() {
        var writer = CSVWriter(columns: .oper)
        writer.appendLine([.uint(2_100_000_001), .text("Тест"), .null, .text("0000FFFF"), .int(-1), .uint(0), .uint(4_294_967_295)])
        let text = String(decoding: writer.take(), as: UTF8.self)
        #expect(text == "serial_no;name;info;access_criteria;pair;start;finish\n2100000001;Тест;;0000FFFF;-1;0;4294967295")
        #expect(writer.lineCount == 2)
        #expect(writer.logMessage == "Export CSV, 0 KB, 2 items.")
        #expect(writer.take().isEmpty)
    }

    @Test("the reader: quoted fields with ; \"\" and line breaks, CR LF, a BOM, trailing empty fields")
    func reader() {
        let file = Array("\u{FEFF}a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\r\n2;\"two\nlines\";\n3;plain \"inner\" quote;\"\"\n".utf8)
        let records = CSVRecordReader.records(file)
        #expect(text(records) == [["a", "b", "c"], ["1", "x;y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "plain \"inner\" quote", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records.allSatisfy { $0.malformation == nil })
        #expect(text(CSVRecordReader.records(Array("a;b\n\nc;d".utf8))) == [["a", "b"], [""], ["c", "d"]])
        #expect(text(CSVRecordReader.records(Array("a;\"b\"".utf8))) == [["a", "b"]])
        #expect(CSVRecordReader.records([]).isEmpty)
    }

    @Test("the reader: an unclosed quote and text after a closing quote")
    func malformed() {
        let records = CSVRecordReader.records(Array("h;h\n1;\"ab\"c;d\n2;ok\n3;\"never closed\n4;x\n".utf8))
        #expect(records.map(\.malformation) == [nil, .textAfterQuote, nil, .unclosedQuote])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test("every value the export writes reads back the same")
    func roundTrip() {
        let names = ["plain", "a;b", "line\nbreak", "\"starts quoted", "mid \"quote\"", "", "crlf\r\nhere", ";", "\""]
        var writer = CSVWriter(columns: .oper)
        for (index, name) in names.enumerated() {
            writer.appendLine([.uint(2_100_000_000 + UInt64(index)), .text(name), .text("i"), .text("0000FFFF"), .int(0), .uint(1), .uint(2)])
        }
        let validation = CSVImportValidator(columns: .oper, now: 5).validate(writer.take())
        #expect(validation.problems.isEmpty)
        #expect(validation.rows.map { $0.values[1] } == names.map { .text($0) })
    }

    @Test("the checks the original did not make: exact keys, lengths, ranges, UTF-8")
    func extraChecks() {
        let validator = CSVImportValidator(columns: .admin, now: 1_700_000_000)
        let good = "ABCDEF0123456789ABCDEF0123456789"
        let file = [
            "serial_no;name;info;key;access_criteria;type;pair;start;finish;edit",
            "2100000001;N;I;\(good)00;0000FFFF;1;0;1;2;3",
            "2100000002;\(String(repeating: "я", count: 256));I;\(good);0000FFFF;1;0;1;2;3",
            "2100000003;N;I;\(good);0000FFFF0;1;0;1;2;3",
            "2100000004;N;I;\(good);0000FFFF;1;0;-5;2;3",
            "2100000005;N;I;\(good);0000FFFF;1;0;1;4294967296;3",
            "2100000006;N;I;\(good);0000FFFF;99999999999;0;1;2;3",
            "2100000007;N;I;\(good.lowercased());0;7abc;;12.9;x;anything",
        ].joined(separator: "\n")
        let bytes = Array(file.utf8) + Array("\n2100000008;N".utf8) + [0xFF] + Array(";I;\(good);0;1;0;1;2;3".utf8)
        let validation = validator.validate(bytes)
        #expect(
            validation.problems.map(\.description) == [
                "Line 2. Key number must be HEX and length 16 bytes (32 symbols).",
                "Line 3. name must be at most 255 characters.",
                "Line 4. access_criteria must be at most 8 characters.",
                "Line 5. start must be from 0 till 4294967295 (not -5)",
                "Line 6. finish must be from 0 till 4294967295 (not 4294967296)",
                "Line 7. type must be from -2147483648 till 2147483647 (not 99999999999)",
                "Line 9. The line is not UTF-8 text; save the file as UTF-8.",
            ])
        #expect(validation.rows.count == 1)
        #expect(
            validation.rows.first?.values == [
                .uint(2_100_000_007), .text("N"), .text("I"), .text(good), .text("0"), .int(7), .int(0), .uint(12), .uint(0),
                .uint(1_700_000_000),
            ])
    }

    @Test("a serial is 210 and seven digits, nothing else")
    func serials() {
        #expect(CSVImportValidator.serial(Array("2100000000".utf8)) == 2_100_000_000)
        #expect(CSVImportValidator.serial(Array("2109999999".utf8)) == 2_109_999_999)
        for bad in ["2110000000", "210000000", "21000000000", " 2100000000", "210000000a", "+210000000", ""] {
            #expect(CSVImportValidator.serial(Array(bad.utf8)) == nil)
        }
    }

    @Test("the plan: a repeated serial is added then updated, an unchanged card queues nothing, changed fields are named")
    func plan() {
        let columns = CSVColumnSet.oper.columns
        func row(_ line: Int, _ serial: UInt32, _ name: String, _ finish: UInt64) -> CSVImportRow {
            CSVImportRow(
                line: line, serial: serial,
                values: [.uint(UInt64(serial)), .text(name), .text("i"), .text("0000FFFF"), .int(0), .uint(1), .uint(finish)])
        }
        let current: [UInt32: [SQLValue]] = [
            2_100_000_001: [.uint(2_100_000_001), .text("same"), .text("i"), .text("0000FFFF"), .int(0), .uint(1), .uint(9)],
            2_100_000_002: [.uint(2_100_000_002), .text("old"), .null, .text("0000FFFF"), .uint(0), .uint(1), .uint(9)],
        ]
        let plan = CSVImportPlan(
            rows: [row(2, 2_100_000_001, "same", 9), row(3, 2_100_000_002, "new", 9), row(4, 2_100_000_003, "n", 5), row(5, 2_100_000_003, "n", 6)],
            current: current, columns: columns)
        #expect(plan.added == 1)
        #expect(plan.updated == 3)
        #expect(
            plan.changes == [
                ChangeQueue.Entry(serial: 2_100_000_002, fields: ["name", "info"]),
                ChangeQueue.Entry(serial: 2_100_000_003, fields: ["serial_no", "name", "info", "access_criteria", "pair", "start", "finish"]),
            ])
    }

    @Test("seconds as PHP prints round(t, 3)")
    func seconds() {
        #expect(CSVImportSummary(added: 0, updated: 0, seconds: 0).secondsText == "0")
        #expect(CSVImportSummary(added: 0, updated: 0, seconds: 1.5).secondsText == "1.5")
        #expect(CSVImportSummary(added: 0, updated: 0, seconds: 0.12345).secondsText == "0.123")
        #expect(CSVImportSummary(added: 0, updated: 0, seconds: 2.0004).secondsText == "2")
        #expect(CSVImportSummary(added: 2, updated: 3, seconds: 0.25).logMessage == "Import CSV, add: 2, upd: 3. Total: 0.25 sec.")
    }
}
