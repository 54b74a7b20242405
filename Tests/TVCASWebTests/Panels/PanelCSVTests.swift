import Foundation
import TVCASTesting
import Testing

/// CSV export and import through nginx, `tvcas web` and MariaDB, for both panels.
@Suite("Panels: CSV export and import", .serialized)
struct PanelCSVTests: WebStackSuite {
    static let key1 = "1234567890A0B1C21234567890A0B1C2"
    static let key2 = "ABCDEF0123456789ABCDEF0123456789"

    /// Replaces every card with csv-export-4's three rows (and one whose info needs quotes).
    private func seedVectorCards(_ stack: WebStack) throws {
        try stack.sql(
            """
            DELETE FROM tvcas_smartcards;
            INSERT INTO tvcas_smartcards (serial_no, name, info, `key`, access_criteria, type, pair, start, finish, edit) VALUES
            (2100000000, 'Ivan Petrov', 'Moscow, Lenina 1', '\(Self.key1)', '0000FFFF', 1, 0, 1600000000, 1700000000, 1650000000),
            (2100000001, 'Тест', NULL, '\(Self.key2)', '11111111', 0, 1, 0, 4294967295, NULL),
            (2109999999, '', 'a,b "c"', '', '00000000', 2, 0, 1262304000, 2524608000, 0);
            """)
    }

    /// The cards' columns as one text, to see that nothing changed.
    private func snapshot(_ stack: WebStack) throws -> String {
        try stack.sql(
            "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', serial_no, name, info, `key`, access_criteria, type, pair, start, finish, edit, c_time))), 0) FROM tvcas_smartcards"
        )
    }

    @Test("the admin export is csv-export-4's file byte for byte, with the original's headers and log row")
    func adminExport() throws {
        try withStack { stack in
            try seedVectorCards(stack)
            let vector = try #require(CSVVector.exports.first { $0.id == "csv-export-4" })
            let (answer, bytes) = try stack.download("/cas/?op=smartcards&csv=export", basic: Self.adminBasic)
            #expect(answer.status == 200)
            #expect(Data(bytes).testHex == vector.expectedFileHex)
            #expect(answer.headers["content-type"] == "application/octet-stream")
            let disposition = answer.headers["content-disposition"] ?? ""
            #expect(disposition.wholeMatch(of: /attachment; filename=\d{4}-\d\d-\d\d_\d{6}_admin\.csv/) != nil)
            #expect(answer.headers["content-description"] == "File Transfer")
            #expect(answer.headers["pragma"] == "public")
            #expect(try stack.sql("SELECT user, type FROM tvcas_logs WHERE msg = 'Export CSV, 0 KB, 4 items.'") == "admin\t0")
        }
    }

    @Test("the operator export has the operator's columns and no keys; a value with ; or a quote is quoted")
    func operExport() throws {
        try withStack { stack in
            try seedVectorCards(stack)
            try stack.sql("UPDATE tvcas_smartcards SET name = 'Petrov; Ivan' WHERE serial_no = 2100000000")
            let (answer, bytes) = try stack.download("/?op=smartcards&csv=export", basic: Self.operBasic)
            #expect(answer.status == 200)
            #expect((answer.headers["content-disposition"] ?? "").hasSuffix("_oper.csv"))
            let expected = """
                serial_no;name;info;access_criteria;pair;start;finish
                2100000000;"Petrov; Ivan";Moscow, Lenina 1;0000FFFF;0;1600000000;1700000000
                2100000001;Тест;;11111111;1;0;4294967295
                2109999999;;"a,b \"\"c\"\"";00000000;0;1262304000;2524608000
                """
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
            #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.key1))
            #expect(try stack.sql("SELECT user FROM tvcas_logs WHERE msg LIKE 'Export CSV, % items.'") == "oper")
        }
    }

    @Test("an admin import adds and updates cards in one go, with change-queue rows and the original's log row")
    func adminImport() throws {
        try withStack { stack in
            try seedVectorCards(stack)
            let token = try stack.importToken(base: "/cas/", basic: Self.adminBasic)
            let file = """
                serial_no;name;info;key;access_criteria;type;pair;start;finish;edit
                2100000000;Ivan Petrov;Moscow, Lenina 1;\(Self.key1);0000FFFF;1;0;1600000000;1800000000;0
                2100000001;Тест;;\(Self.key2);11111111;0;1;0;4294967295;
                2100000050;"Semicolon; Name";"Quoted ""info""
                second line";abcdefabcdefabcdefabcdefabcdefab;0000000F;2;1;1600000000;1700000000;123

                """
            let answer = try stack.upload("/cas/?op=smartcards&csv=import", file: Array(file.utf8), csrf: token, basic: Self.adminBasic)
            #expect(answer.status == 200)
            #expect(answer.body.contains("File upload success!"))
            #expect(answer.body.contains("Add new: 1<br>Update items: 2<br>"))
            #expect(try stack.sql("SELECT finish FROM tvcas_smartcards WHERE serial_no = 2100000000") == "1800000000")
            let added = try stack.sql(
                "SELECT name, info, `key`, access_criteria, type, pair, c_time > 0, edit > 1000 FROM tvcas_smartcards WHERE serial_no = 2100000050")
            #expect(added == "Semicolon; Name\tQuoted \"info\"\nsecond line\tABCDEFABCDEFABCDEFABCDEFABCDEFAB\t0000000F\t2\t1\t1\t1")
            // 2100000001 is unchanged but for edit: no queue row; the other two have one each.
            #expect(
                try stack.sql("SELECT serial_no, fields, source FROM tvcas_card_changes ORDER BY serial_no")
                    == "2100000000\tfinish\tcsv\n2100000050\tserial_no,name,info,key,access_criteria,type,pair,start,finish\tcsv")
            #expect(
                try stack.sql(
                    "SELECT COUNT(*) FROM tvcas_logs WHERE msg REGEXP '^Import CSV, add: 1, upd: 2. Total: [0-9.]+ sec.$' AND user = 'admin'") == "1")
            // The export writes the quoted fields back.
            let (_, bytes) = try stack.download("/cas/?op=smartcards&csv=export", basic: Self.adminBasic)
            #expect(String(decoding: bytes, as: UTF8.self).contains("2100000050;\"Semicolon; Name\";\"Quoted \"\"info\"\"\nsecond line\";"))
        }
    }

    @Test("10,000 good lines and one bad line change nothing and report the bad line")
    func badLineChangesNothing() throws {
        try withStack { stack in
            let before = try snapshot(stack)
            let token = try stack.importToken(base: "/cas/", basic: Self.adminBasic)
            var lines = ["serial_no;name;info;key;access_criteria;type;pair;start;finish;edit"]
            for index in 0..<10_000 {
                if index == 6_000 { lines.append("2200000000;Bad;Serial;\(Self.key1);0000FFFF;1;0;1;2;3") }
                lines.append("\(2_101_000_000 + index);Card \(index);Info;\(Self.key1);0000FFFF;1;0;1600000000;1700000000;0")
            }
            let answer = try stack.upload(
                "/cas/?op=smartcards&csv=import", file: Array(lines.joined(separator: "\n").utf8), csrf: token, basic: Self.adminBasic)
            #expect(answer.status == 422)
            #expect(answer.body.contains("Line 6002. Serial number must be from 2100000000 till 2109999999 (not 2200000000)"))
            #expect(answer.body.contains("1 bad line(s)"))
            #expect(answer.body.contains("Nothing was changed"))
            #expect(try snapshot(stack) == before)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes") == "0")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg REGEXP '^Import CSV, add: 0, upd: 0. Total: [0-9.]+ sec.$'") == "1")
        }
    }

    @Test("an operator import updates existing cards only: a new serial refuses the file; key and type stay")
    func operatorImport() throws {
        try withStack { stack in
            try seedVectorCards(stack)
            let before = try snapshot(stack)
            let token = try stack.importToken(base: "/", basic: Self.operBasic)
            let refused = """
                serial_no;name;info;access_criteria;pair;start;finish
                2100000000;Ivan;Moscow;0000FFFF;0;1600000000;1800000000
                2100000007;Oleg;Omsk;11111111;1;1600000000;1700000000
                """
            let answer = try stack.upload("/?op=smartcards&csv=import", file: Array(refused.utf8), csrf: token, basic: Self.operBasic)
            #expect(answer.status == 422)
            #expect(answer.body.contains("Line 3. There is no smartcard 2100000007: an operator import only updates existing cards."))
            #expect(try snapshot(stack) == before)
            let accepted = """
                serial_no;name;info;access_criteria;pair;start;finish
                2100000000;Ivan;Moscow;0000FFFF;1;1600000000;1800000000
                """
            let done = try stack.upload("/?op=smartcards&csv=import", file: Array(accepted.utf8), csrf: token, basic: Self.operBasic)
            #expect(done.status == 200)
            #expect(done.body.contains("Add new: 0<br>Update items: 1<br>"))
            #expect(
                try stack.sql("SELECT name, info, pair, finish, `key`, type, edit FROM tvcas_smartcards WHERE serial_no = 2100000000")
                    == "Ivan\tMoscow\t1\t1800000000\t\(Self.key1)\t1\t1650000000")
            #expect(try stack.sql("SELECT fields FROM tvcas_card_changes WHERE serial_no = 2100000000") == "name,info,pair,finish")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE user = 'oper' AND msg LIKE 'Import CSV, add: 0, upd: 1. Total:%'") == "1")
        }
    }

    @Test("an upload over upload_max_mb is refused before it is read, with a clear message")
    func oversizedUpload() throws {
        try withStack(uploadMaxMegabytes: 1) { stack in
            let before = try snapshot(stack)
            let token = try stack.importToken(base: "/cas/", basic: Self.adminBasic)
            var file = Array("serial_no;name;info;key;access_criteria;type;pair;start;finish;edit\n".utf8)
            let line = Array("2101000000;Name;Info;\(Self.key1);0000FFFF;1;0;1;2;3\n".utf8)
            while file.count < 2 << 20 { file += line }
            let answer = try stack.upload("/cas/?op=smartcards&csv=import", file: file, csrf: token, basic: Self.adminBasic)
            #expect(answer.status == 413)
            #expect(answer.body.contains("upload_max_mb"))
            #expect(answer.body.contains("1 MiB"))
            #expect(try snapshot(stack) == before)
        }
    }

    @Test("an import without the CSRF token is refused and changes nothing")
    func missingCSRF() throws {
        try withStack { stack in
            let before = try snapshot(stack)
            let file = """
                serial_no;name;info;key;access_criteria;type;pair;start;finish;edit
                2101000000;Name;Info;\(Self.key1);0000FFFF;1;0;1;2;3
                """
            let answer = try stack.upload("/cas/?op=smartcards&csv=import", file: Array(file.utf8), csrf: nil, basic: Self.adminBasic)
            #expect(answer.status == 403)
            let wrong = try stack.upload("/cas/?op=smartcards&csv=import", file: Array(file.utf8), csrf: "forged", basic: Self.adminBasic)
            #expect(wrong.status == 403)
            #expect(try snapshot(stack) == before)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs WHERE msg LIKE 'Import CSV%'") == "0")
        }
    }

    @Test("both panels link the export and the import; the import form carries the column set")
    func links() throws {
        try withStack { stack in
            for (base, basic, header) in [
                ("/cas/", Self.adminBasic, "serial_no;name;info;key;access_criteria;type;pair;start;finish;edit"),
                ("/", Self.operBasic, "serial_no;name;info;access_criteria;pair;start;finish"),
            ] {
                let list = try stack.panel("\(base)?op=smartcards", basic: basic)
                #expect(list.body.contains("?op=smartcards&amp;csv=export"))
                #expect(list.body.contains("?op=smartcards&amp;csv=import"))
                let form = try stack.panel("\(base)?op=smartcards&csv=import", basic: basic)
                #expect(form.status == 200)
                #expect(form.body.contains("enctype=\"multipart/form-data\""))
                #expect(form.body.contains("name=\"loadfile\""))
                #expect(form.body.contains(header))
            }
        }
    }
}
