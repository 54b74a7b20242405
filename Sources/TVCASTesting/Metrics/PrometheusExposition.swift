import Foundation

/// A scraped `/metrics` page (Prometheus text format 0.0.4), parsed just enough to check names,
/// types and labels, and the naming rules TVCAS's metrics follow.
public struct PrometheusExposition: Sendable {
    /// One sample line: `name{label="value",…} value`.
    public struct Sample: Sendable, Hashable {
        /// The sample's name (a histogram's has `_bucket`, `_sum` or `_count`).
        public var name: String
        /// Its labels.
        public var labels: [String: String]
        /// Its value as written.
        public var value: String
    }

    /// Each family's type from its `# TYPE` line, by family name.
    public private(set) var types: [String: String] = [:]
    /// Every sample line.
    public private(set) var samples: [Sample] = []

    /// Parses `text`; lines it cannot read are kept in ``unreadableLines``.
    public init(parsing text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                if parts.count == 2 { types[String(parts[0])] = String(parts[1]) } else { unreadableLines.append(String(line)) }
            } else if line.hasPrefix("#") {
                continue
            } else if let sample = Self.sample(String(line)) {
                samples.append(sample)
            } else {
                unreadableLines.append(String(line))
            }
        }
    }

    /// Lines that were neither a comment nor a sample.
    public private(set) var unreadableLines: [String] = []

    /// The family names (from the `# TYPE` lines).
    public var familyNames: Set<String> { Set(types.keys) }

    /// The value of the sample `name` with exactly `labels`, if there is one.
    public func value(_ name: String, labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }.flatMap { Double($0.value) }
    }

    /// The sum of every sample called `name`, whatever its labels (nil when there is none).
    public func total(_ name: String) -> Double? {
        let matching = samples.filter { $0.name == name }
        return matching.isEmpty ? nil : matching.compactMap { Double($0.value) }.reduce(0, +)
    }

    /// Everything that breaks TVCAS's naming rules, one sentence each (empty when all is well):
    ///
    /// - family names are `tvcas_` + lower-case snake case;
    /// - a counter's name ends in `_total`, and only a counter's does;
    /// - a histogram measures time or size and says so: `_seconds` or `_bytes`;
    /// - label names are snake case and never name a card (`serial`, `serial_no`, `card`);
    /// - no label value looks like a card serial (ten digits beginning 210);
    /// - every sample belongs to a declared family, and every line parses.
    public var ruleViolations: [String] {
        var problems = unreadableLines.map { "unreadable line: \($0)" }
        for (name, type) in types.sorted(by: { $0.key < $1.key }) {
            if name.range(of: #"^tvcas_[a-z][a-z0-9_]*[a-z0-9]$"#, options: .regularExpression) == nil {
                problems.append("\(name): not tvcas_ followed by lower-case snake case")
            }
            if type == "counter" && !name.hasSuffix("_total") { problems.append("\(name): a counter whose name does not end in _total") }
            if type != "counter" && name.hasSuffix("_total") { problems.append("\(name): a \(type) whose name ends in _total") }
            if type == "histogram" && !(name.hasSuffix("_seconds") || name.hasSuffix("_bytes")) {
                problems.append("\(name): a histogram not in _seconds or _bytes")
            }
            if !["counter", "gauge", "histogram", "summary"].contains(type) { problems.append("\(name): unknown type \(type)") }
        }
        for sample in samples {
            let family = Self.family(of: sample.name, types: types)
            if family == nil { problems.append("\(sample.name): a sample without a # TYPE line") }
            for (label, value) in sample.labels {
                if label == "le" || label == "quantile" { continue }
                if label.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) == nil {
                    problems.append("\(sample.name): label \(label) is not snake case")
                }
                if ["serial", "serial_no", "serialno", "card", "card_serial"].contains(label) {
                    problems.append("\(sample.name): label \(label) names a card")
                }
                if value.range(of: #"^210[0-9]{7}$"#, options: .regularExpression) != nil {
                    problems.append("\(sample.name): label \(label)=\(value) looks like a card serial")
                }
            }
        }
        return problems
    }

    private static func family(of sample: String, types: [String: String]) -> String? {
        if types[sample] != nil { return sample }
        for suffix in ["_bucket", "_sum", "_count"] where sample.hasSuffix(suffix) {
            let base = String(sample.dropLast(suffix.count))
            if types[base] != nil { return base }
        }
        return nil
    }

    private static func sample(_ line: String) -> Sample? {
        guard let end = line.lastIndex(of: " ") else { return nil }
        let value = String(line[line.index(after: end)...])
        let head = line[..<end]
        guard let brace = head.firstIndex(of: "{") else {
            return head.contains(" ") ? nil : Sample(name: String(head), labels: [:], value: value)
        }
        guard head.hasSuffix("}") else { return nil }
        var labels: [String: String] = [:]
        var rest = head[head.index(after: brace)..<head.index(before: head.endIndex)]
        while !rest.isEmpty {
            guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"" else { return nil }
            let key = String(rest[..<equals]).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            var index = rest.index(equals, offsetBy: 2)
            var text = ""
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\", rest.index(after: index) < rest.endIndex {
                    index = rest.index(after: index)
                }
                text.append(rest[index])
                index = rest.index(after: index)
            }
            guard index < rest.endIndex else { return nil }
            labels[key] = text
            rest = rest[rest.index(after: index)...].drop { $0 == "," || $0 == " " }
        }
        return Sample(name: String(head[..<brace]), labels: labels, value: value)
    }
}
