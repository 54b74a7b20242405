/// The counts of an import and its time, as the original reported and logged them.
public struct CSVImportSummary: Sendable, Equatable {
    /// Cards added.
    public var added: Int
    /// Cards updated.
    public var updated: Int
    /// Seconds the import took.
    public var seconds: Double

    /// A summary.
    public init(added: Int, updated: Int, seconds: Double) {
        self.added = added
        self.updated = updated
        self.seconds = seconds
    }

    /// The seconds as PHP prints `round($t, 3)`: `0`, `1.5`, `0.123`.
    public var secondsText: String {
        let rounded = (seconds * 1000).rounded() / 1000
        var text = String(format: "%.3f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The `tvcas_logs` message: `Import CSV, add: 1, upd: 0. Total: 0.25 sec.`
    public var logMessage: String { "Import CSV, add: \(added), upd: \(updated). Total: \(secondsText) sec." }
}
