import TVCASDatabase

/// Checks an imported file line by line against a column set (config-csv-logs.md §3 with the
/// differences of decisions.md §5): every bad line is reported, not only the first ten; a `key`
/// must be exactly 32 hex digits; and a value the database could not store (too long, a number
/// out of range, text not in UTF-8) is a bad line here rather than a failed statement later.
///
/// As the original: the header's names are ignored, only their number must match, and data
/// columns map by position; `start`, `finish`, `type` and `pair` are read as PHP's `intval`
/// reads them (leading digits, else 0); `key` is upper-cased; `edit` becomes the import's time,
/// whatever the file says; every other value is taken as it is (decisions.md §5 keeps stored
/// values as entered, so `` ` ' ; % `` are not removed).
public struct CSVImportValidator: Sendable {
    /// The panel's column set.
    public let columns: CSVColumnSet
    /// The import's time (unix), written to `edit`.
    public let now: UInt32

    /// A validator for `columns` at `now`.
    public init(columns: CSVColumnSet, now: UInt32) {
        self.columns = columns
        self.now = now
    }

    /// Checks the whole file.
    public func validate(_ file: [UInt8]) -> CSVImportValidation {
        var reader = CSVRecordReader(file)
        var result = CSVImportValidation()
        let expected = columns.columns.count
        let header = reader.next()
        let headerCount = header?.fields.count ?? 1
        guard headerCount == expected else {
            result.problems = [.headerFieldCount(found: headerCount, expected: expected)]
            return result
        }
        while let record = reader.next() {
            switch row(record) {
            case .success(let row): result.rows.append(row)
            case .failure(let problem): result.problems.append(problem)
            }
        }
        return result
    }

    /// One record as a row, or its first problem.
    func row(_ record: CSVRecord) -> Result<CSVImportRow, CSVImportProblem> {
        let line = record.line
        switch record.malformation {
        case .unclosedQuote: return .failure(.unclosedQuote(line: line))
        case .textAfterQuote: return .failure(.textAfterQuote(line: line))
        case nil: break
        }
        guard record.fields.count == columns.columns.count else { return .failure(.fieldCount(line: line)) }
        guard let serial = Self.serial(record.fields[0]) else {
            return .failure(.serial(line: line, value: String(decoding: record.fields[0], as: UTF8.self)))
        }
        if let index = columns.columns.firstIndex(of: .key), !Self.isKey(record.fields[index]) { return .failure(.key(line: line)) }
        var values: [SQLValue] = []
        values.reserveCapacity(record.fields.count)
        for (column, field) in zip(columns.columns, record.fields) {
            switch value(of: column, field, line: line) {
            case .success(let value): values.append(value)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(CSVImportRow(line: line, serial: serial, values: values))
    }

    private func value(of column: CardColumn, _ field: [UInt8], line: Int) -> Result<SQLValue, CSVImportProblem> {
        switch column {
        case .serialNo: return .success(.uint(UInt64(Self.serial(field) ?? 0)))
        case .edit: return .success(.uint(UInt64(now)))
        case .key: return .success(.text(String(decoding: field, as: UTF8.self).uppercased()))
        case .type, .pair:
            return Self.number(field, column: column, range: Int64(Int32.min)...Int64(Int32.max), line: line).map { .int($0) }
        case .start, .finish:
            return Self.number(field, column: column, range: 0...Int64(UInt32.max), line: line).map { .uint(UInt64($0)) }
        case .name, .info, .accessCriteria:
            let text = String(decoding: field, as: UTF8.self)
            guard text.utf8.elementsEqual(field) else { return .failure(.notUTF8(line: line)) }
            let limit = column == .name ? 255 : column == .accessCriteria ? 8 : 65_535
            let length = column == .info ? field.count : text.unicodeScalars.count
            guard length <= limit else { return .failure(.tooLong(line: line, column: column.rawValue, limit: limit)) }
            return .success(.text(text))
        }
    }

    private static func number(_ field: [UInt8], column: CardColumn, range: ClosedRange<Int64>, line: Int) -> Result<Int64, CSVImportProblem> {
        let number = PHPIntval.of(field)
        guard range.contains(number) else {
            return .failure(.outOfRange(line: line, column: column.rawValue, value: String(decoding: field, as: UTF8.self), range: range))
        }
        return .success(number)
    }

    /// The serial of a `serial_no` field: `210` and seven more digits, nothing else.
    static func serial(_ field: [UInt8]) -> UInt32? {
        guard field.count == 10, field.starts(with: Array("210".utf8)), field.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return field.reduce(0) { $0 * 10 + UInt32($1 - 0x30) }
    }

    /// Whether a `key` field is exactly 32 hex digits.
    static func isKey(_ field: [UInt8]) -> Bool {
        field.count == 32 && field.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
    }
}
