import TVCASDatabase

/// Builds a CSV export as the original wrote it (config-csv-logs.md §2): the header, then one
/// line per card, values joined with `;`, lines separated by `\n` with none after the last,
/// NULL as an empty field, numbers in decimal, text as UTF-8 without a BOM.
///
/// Unlike the original, a value that would break the file — one holding `;` or a line break,
/// or one starting with `"` (it would read back as a quoted field) — is written as an RFC 4180
/// quoted field, its `"` doubled (decisions.md §5). Every other value is written as it is, so
/// every file the original wrote correctly comes out byte for byte the same (csv.json).
///
/// The bytes are collected until ``take()``, so a large export is written out in pieces.
public struct CSVWriter: Sendable {
    /// The bytes not taken yet.
    private var pending: [UInt8] = []
    /// Lines written, the header included (the export log row's "items").
    public private(set) var lineCount = 0
    /// Bytes produced so far, taken or not.
    public private(set) var byteCount = 0

    /// A writer that starts with the header of `columns`.
    public init(columns: CSVColumnSet) {
        pending.reserveCapacity(1 << 16)
        append(Array(columns.header.utf8))
        lineCount = 1
    }

    /// Appends one card's line: its values in the set's column order.
    public mutating func appendLine(_ values: some Collection<SQLValue>) {
        let before = pending.count
        pending.append(0x0A)
        var first = true
        for value in values {
            if !first { pending.append(0x3B) }
            first = false
            switch value {
            case .null: break
            case .int(let number): Self.appendDecimal(number.magnitude, negative: number < 0, to: &pending)
            case .uint(let number): Self.appendDecimal(number, negative: false, to: &pending)
            case .double(let number): pending.append(contentsOf: String(number).utf8)
            case .text(let text): Self.appendField(text.utf8, to: &pending)
            case .blob(let bytes): Self.appendField(bytes, to: &pending)
            }
        }
        byteCount += pending.count - before
        lineCount += 1
    }

    /// The bytes built since the last call.
    public mutating func take() -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    /// Whether a value must be quoted (decisions.md §5): it holds `;`, `"`, CR or LF. Every other
    /// value is written bare, as the original wrote it.
    public static func needsQuotes(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.contains { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// One field's bytes as the export writes them.
    public static func field(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendField(text.utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func append(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        byteCount += bytes.count
    }

    private static func appendField(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        guard needsQuotes(bytes) else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(0x22)
        for byte in bytes {
            output.append(byte)
            if byte == 0x22 { output.append(0x22) }
        }
        output.append(0x22)
    }

    private static func appendDecimal(_ magnitude: UInt64, negative: Bool, to output: inout [UInt8]) {
        if negative { output.append(0x2D) }
        let start = output.count
        var rest = magnitude
        repeat {
            output.append(UInt8(truncatingIfNeeded: rest % 10) + 0x30)
            rest /= 10
        } while rest > 0
        output[start...].reverse()
    }
}

extension CSVWriter {
    /// The `tvcas_logs` message of the export so far: `Export CSV, <KiB> KB, <lines> items.`
    public var logMessage: String { "Export CSV, \(byteCount / 1024) KB, \(lineCount) items." }
}
