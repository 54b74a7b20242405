/// The outcome of checking a whole imported file: the valid lines and every problem found.
/// Nothing is written unless `problems` is empty.
public struct CSVImportValidation: Sendable, Equatable {
    /// The valid lines, in file order.
    public var rows: [CSVImportRow] = []
    /// Every problem, by line.
    public var problems: [CSVImportProblem] = []

    /// The distinct serials of the valid lines.
    public var serials: [UInt32] {
        var seen = Set<UInt32>()
        return rows.compactMap { seen.insert($0.serial).inserted ? $0.serial : nil }
    }

    /// The lines whose serial is not among `existing`.
    public func unknownSerials(existing: Set<UInt32>) -> [CSVImportProblem] {
        rows.filter { !existing.contains($0.serial) }.map { .unknownSerial(line: $0.line, serial: $0.serial) }
    }

    /// Adds `more` problems, keeping them in line order.
    public mutating func add(_ more: [CSVImportProblem]) {
        guard !more.isEmpty else { return }
        problems = (problems + more).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
