import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@testable import TVCASWeb

/// One case of `csv.json`: an export (rows → file) or an import (file → SQL, messages).
struct CSVVector: Decodable, CustomTestStringConvertible {
    let id: String
    let kind: String
    let mode: String
    let timezone: String?
    let now: UInt32
    let db_rows: [[String: String?]]?
    let file_name: String?
    let file_hex: String?
    let file_content: String?
    let input_csv: String?
    let existing_serials: [String]?
    let sql_statements: [String]?
    let alert_html: String?
    let log_messages: [String]?

    var testDescription: String { id }

    static let all = (try? GoldenVectors.cases(CSVVector.self, from: "csv.json")) ?? []
    static var exports: [CSVVector] { all.filter { $0.kind == "export" } }
    static var imports: [CSVVector] { all.filter { $0.kind == "import" } }

    var columns: CSVColumnSet { mode == "admin" ? .admin : .oper }

    /// The file we write: the original's, except that a value holding `"` is an RFC 4180 quoted
    /// field (decisions.md §5; the original wrote it bare, e.g. csv-export-4's `a,b "c"`).
    var expectedFileHex: String? {
        guard var content = file_content else { return file_hex }
        let quoted = Set((db_rows ?? []).flatMap { $0.values.compactMap { $0 } }.filter { $0.contains("\"") })
        for value in quoted {
            content = content.replacingOccurrences(
                of: ";\(value);", with: ";\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\";")
        }
        return Data(content.utf8).testHex
    }

    /// A database row as the connection reads it: unsigned columns as `.uint`, `type` and `pair`
    /// (signed `int`) as `.int`, text as `.text`, NULL as `.null`.
    func values(of row: [String: String?]) -> [SQLValue] {
        columns.columns.map { column in
            guard let text = row[column.rawValue] ?? nil else { return .null }
            switch column {
            case .serialNo, .start, .finish, .edit: return .uint(UInt64(text)!)
            case .type, .pair: return .int(Int64(text)!)
            default: return .text(text)
            }
        }
    }

    /// The original's messages without their HTML, "Import break!" and the summary left out.
    var originalProblems: [String] {
        guard let html = alert_html else { return [] }
        return html.components(separatedBy: "<div class='text-danger'>").dropFirst().map { piece in
            let text = String(piece.prefix { $0 != "\n" }).components(separatedBy: "</div>")[0]
            return text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        }.filter { $0 != "Import break!" }
    }

    /// The original's written rows: (INSERT or UPDATE, the values in column order as text).
    var writes: [(insert: Bool, values: [String])] {
        (sql_statements ?? []).map { sql in
            let quoted = sql.matches(of: /'((?:[^'\\]|\\.)*)'/).map { String($0.output.1) }
            return sql.hasPrefix("INSERT") ? (true, quoted) : (false, Array(quoted.dropLast()))
        }
    }
}

extension SQLValue {
    /// The value as the original's SQL text had it.
    var vectorText: String {
        switch self {
        case .null: ""
        case .int(let value): String(value)
        case .uint(let value): String(value)
        case .double(let value): String(value)
        case .text(let value): value
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
