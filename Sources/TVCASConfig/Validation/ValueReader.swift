import TOMLKit

/// Reads typed values out of a parsed TOML document by key path (`ecm_key`, `web.listen`),
/// collecting every problem instead of stopping at the first.
struct ValueReader {
    /// A value's problem, as the validators report it.
    struct Fault: Error {
        /// What is wrong (`has 63 characters`).
        var problem: String
    }

    /// The whole document.
    let root: TOMLTable
    /// Everything found wrong so far, in reading order.
    private(set) var problems: [ConfigurationProblem] = []

    init(root: TOMLTable) {
        self.root = root
    }

    /// Records a problem found outside the reader.
    mutating func record(_ problem: ConfigurationProblem) {
        problems.append(problem)
    }

    /// The TOML value at `path`, or `nil` when absent (also when its table is not a table: that
    /// is reported by ``checkTables()``).
    func rawValue(_ path: String) -> (any TOMLValueConvertible)? {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 1 { return root[parts[0]] }
        guard let table = root[parts[0]]?.table else { return nil }
        return table[parts[1]]
    }

    /// Reports every known table name bound to something that is not a table.
    mutating func checkTables() {
        for name in ConfigurationSchema.tables {
            if let value = root[name], value.type != .table {
                problems.append(.wrongType(key: name, found: value.type.description, expected: "a table, written [\(name)]"))
            }
        }
    }

    /// A string key, parsed by `parse` (whose faults must not quote secret values). Absent:
    /// `fallback`, or a `missing` problem when there is none.
    mutating func string<T>(
        _ path: String, default fallback: T?, expected: String, _ parse: (String) -> Result<T, Fault>
    ) -> T? {
        guard let value = rawValue(path) else {
            if fallback == nil { problems.append(.missing(key: path, expected: expected)) }
            return fallback
        }
        guard let text = value.string else {
            problems.append(.wrongType(key: path, found: value.type.description, expected: "\(expected), as a TOML string"))
            return nil
        }
        switch parse(text) {
        case .success(let parsed):
            return parsed
        case .failure(let fault):
            problems.append(.invalid(key: path, problem: fault.problem, expected: expected))
            return nil
        }
    }

    /// An integer key within `range`.
    mutating func integer(_ path: String, default fallback: Int, in range: ClosedRange<Int>) -> Int? {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let value = rawValue(path) else { return fallback }
        guard let number = value.int else {
            problems.append(.wrongType(key: path, found: value.type.description, expected: expected))
            return nil
        }
        guard range.contains(number) else {
            problems.append(.invalid(key: path, problem: "\(number) is out of range", expected: expected))
            return nil
        }
        return number
    }

    /// `text` quoted with escapes, for problem messages about non-secret values. (Not
    /// `debugDescription`: TOMLKit redefines it for `String` as the bare text.)
    static func quoted(_ text: String) -> String {
        TOMLLiteral.quote(text)
    }
}
