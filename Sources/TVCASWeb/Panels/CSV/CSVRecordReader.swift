/// Splits an imported file into records of `;`-separated fields.
///
/// Lines end with LF or CR LF; a final line break is optional (no empty record after it); a
/// UTF-8 byte-order mark at the start is skipped. A field that starts with `"` is an RFC 4180
/// quoted field: it runs to the next lone `"`, `""` inside stands for one `"`, and `;` and line
/// breaks inside are data. Any other field is taken literally up to the next `;` or line end,
/// `"` included — which is how the original split its lines, so every file it read is read the
/// same way.
public struct CSVRecordReader: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1

    /// A reader over a whole file.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, or nil at the end of the file.
    public mutating func next() -> CSVRecord? {
        guard position < bytes.count else { return nil }
        var record = CSVRecord(line: line, fields: [], malformation: nil)
        while true {
            if bytes[position] == Self.quote {
                guard let field = readQuoted() else {
                    record.malformation = .unclosedQuote
                    position = bytes.count
                    return record
                }
                record.fields.append(field)
                guard position < bytes.count else { return record }
                switch bytes[position] {
                case Self.semicolon:
                    position += 1
                    if position == bytes.count { record.fields.append([]) }
                case Self.lineFeed:
                    endLine()
                    return record
                case Self.carriageReturn where position + 1 < bytes.count && bytes[position + 1] == Self.lineFeed:
                    position += 1
                    endLine()
                    return record
                case Self.carriageReturn where position + 1 == bytes.count:
                    position += 1
                    return record
                default:
                    record.malformation = .textAfterQuote
                    skipRestOfLine()
                    return record
                }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != Self.semicolon, bytes[position] != Self.lineFeed { position += 1 }
                var end = position
                let atLineEnd = position == bytes.count || bytes[position] == Self.lineFeed
                if atLineEnd, end > start, bytes[end - 1] == Self.carriageReturn { end -= 1 }
                record.fields.append(Array(bytes[start..<end]))
                if position == bytes.count { return record }
                if bytes[position] == Self.lineFeed {
                    endLine()
                    return record
                }
                position += 1
                if position == bytes.count { record.fields.append([]) }
            }
            if position == bytes.count { return record }
        }
    }

    /// Every record of `bytes`.
    public static func records(_ bytes: [UInt8]) -> [CSVRecord] {
        var reader = CSVRecordReader(bytes)
        var records: [CSVRecord] = []
        while let record = reader.next() { records.append(record) }
        return records
    }

    /// Reads a quoted field from its opening quote; nil when it is not closed.
    private mutating func readQuoted() -> [UInt8]? {
        position += 1
        var field: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    field.append(Self.quote)
                    position += 2
                    continue
                }
                position += 1
                return field
            }
            if byte == Self.lineFeed { line += 1 }
            field.append(byte)
            position += 1
        }
        return nil
    }

    private mutating func endLine() {
        position += 1
        line += 1
    }

    private mutating func skipRestOfLine() {
        while position < bytes.count, bytes[position] != Self.lineFeed { position += 1 }
        if position < bytes.count { endLine() }
    }

    private static let quote: UInt8 = 0x22
    private static let semicolon: UInt8 = 0x3B
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
}
