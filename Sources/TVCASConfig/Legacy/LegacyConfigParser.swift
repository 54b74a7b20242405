/// Reads the `$config` array of a TVCAS3 `includes/config.php` from its tokens, without running
/// PHP: `$config = array( 'key' => value, … );` or `[ … ]`, then any `$config['key'] = value;`.
/// A later assignment wins, as in PHP. Everything else in the file (`$csv_rows`, calls) is skipped.
struct LegacyConfigParser {
    private let tokens: [PHPToken]
    private var problems: [LegacyConfigProblem] = []

    /// The entries of `$config` in the order they were last set, and the problems found.
    static func parse(_ source: String) -> (entries: [LegacyEntry], problems: [LegacyConfigProblem]) {
        let tokens: [PHPToken]
        do {
            tokens = try PHPLexer.tokens(of: source)
        } catch {
            return ([], [error])
        }
        var parser = LegacyConfigParser(tokens: tokens)
        let entries = parser.run()
        return (entries, parser.problems)
    }

    private init(tokens: [PHPToken]) {
        self.tokens = tokens
    }

    private func token(_ index: Int) -> PHPToken? {
        index < tokens.count ? tokens[index] : nil
    }

    private func isSymbol(_ index: Int, _ symbol: String) -> Bool {
        token(index)?.kind == .symbol(symbol)
    }

    private mutating func run() -> [LegacyEntry] {
        var entries: [LegacyEntry] = []
        var foundArray = false
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .variable("config") else {
                index += 1
                continue
            }
            if isSymbol(index + 1, "=") {
                foundArray = true
                let (array, next) = parseArray(at: index + 2)
                entries = array
                index = next
            } else if isSymbol(index + 1, "["), let keyToken = token(index + 2), isSymbol(index + 3, "]"),
                isSymbol(index + 4, "=")
            {
                let (value, next) = parseValue(from: index + 5, closer: nil)
                if let key = Self.key(keyToken) {
                    entries.removeAll { $0.key == key }
                    entries.append(LegacyEntry(key: key, value: value, line: keyToken.line))
                } else {
                    problems.append(.unreadableKey(line: keyToken.line, found: keyToken.text))
                }
                index = next
            } else {
                index += 1
            }
        }
        if !foundArray && entries.isEmpty { problems.append(.noConfigArray) }
        return entries
    }

    /// Parses `array( … )` or `[ … ]` at `start`; returns its entries and the index after it.
    private mutating func parseArray(at start: Int) -> ([LegacyEntry], Int) {
        guard let first = token(start) else {
            problems.append(.noConfigArray)
            return ([], start)
        }
        var index: Int
        let closer: String
        if case .identifier(let name) = first.kind, name.lowercased() == "array", isSymbol(start + 1, "(") {
            index = start + 2
            closer = ")"
        } else if first.kind == .symbol("[") {
            index = start + 1
            closer = "]"
        } else {
            let (_, next) = parseValue(from: start, closer: nil)
            problems.append(.notAnArray(line: first.line, found: Self.text(tokens[start..<next])))
            return ([], next)
        }
        var entries: [LegacyEntry] = []
        while let current = token(index) {
            if current.kind == .symbol(closer) { return (entries, index + 1) }
            let keyEnd = scan(from: index, stopAt: ["=>", ",", closer])
            guard isSymbol(keyEnd, "=>") else {
                problems.append(.entryWithoutKey(line: current.line))
                index = isSymbol(keyEnd, ",") ? keyEnd + 1 : keyEnd
                continue
            }
            let (value, valueEnd) = parseValue(from: keyEnd + 1, closer: closer)
            if keyEnd - index == 1, let key = Self.key(current) {
                entries.removeAll { $0.key == key }
                entries.append(LegacyEntry(key: key, value: value, line: current.line))
            } else {
                problems.append(.unreadableKey(line: current.line, found: Self.text(tokens[index..<keyEnd])))
            }
            if isSymbol(valueEnd, ",") {
                index = valueEnd + 1
            } else if isSymbol(valueEnd, closer) {
                index = valueEnd
            } else {
                let found = token(valueEnd)
                problems.append(
                    .unexpected(
                        line: found?.line ?? current.line, found: found?.text ?? "the end of the file",
                        expected: "\",\" or \"\(closer)\""))
                return (entries, valueEnd)
            }
        }
        problems.append(.unexpected(line: tokens.last?.line ?? 1, found: "the end of the file", expected: "\"\(closer)\""))
        return (entries, index)
    }

    /// Reads a value expression from `start` up to a `,`, `;` or `closer` outside brackets.
    private func parseValue(from start: Int, closer: String?) -> (LegacyValue, Int) {
        let end = scan(from: start, stopAt: [",", ";"] + (closer.map { [$0] } ?? []))
        let expression = Array(tokens[start..<end])
        return (Self.value(of: expression), end)
    }

    /// The index of the first token at bracket depth 0 that is one of `stops`, or of an unmatched
    /// closing bracket, or the end.
    private func scan(from start: Int, stopAt stops: [String]) -> Int {
        var depth = 0
        var index = start
        while let current = token(index) {
            if case .symbol(let symbol) = current.kind {
                if depth == 0 && stops.contains(symbol) { return index }
                if ["(", "[", "{"].contains(symbol) { depth += 1 }
                if [")", "]", "}"].contains(symbol) {
                    if depth == 0 { return index }
                    depth -= 1
                }
            }
            index += 1
        }
        return index
    }

    /// What an expression's tokens amount to.
    private static func value(of expression: [PHPToken]) -> LegacyValue {
        // "a" . "b" . 'c', or a single string.
        if !expression.isEmpty, expression.count % 2 == 1,
            expression.enumerated().allSatisfy({ offset, token in
                offset % 2 == 1 ? token.kind == .symbol(".") : { if case .string = token.kind { true } else { false } }()
            })
        {
            var text = ""
            for token in expression {
                guard case .string(let part, let interpolates) = token.kind else { continue }
                if interpolates { return .interpolated }
                text += part
            }
            return .text(text)
        }
        let kinds = expression.map(\.kind)
        if kinds.count == 1, case .number(let number) = kinds[0] { return .text(number) }
        if kinds.count == 4, case .identifier(let name) = kinds[0], ["date", "\\date"].contains(name.lowercased()),
            kinds[1] == .symbol("("), kinds[2] == .string("O", interpolates: false), kinds[3] == .symbol(")")
        {
            return .hostOffset
        }
        return .expression(text(expression[...]))
    }

    /// A key token's text (a string or a number).
    private static func key(_ token: PHPToken) -> String? {
        switch token.kind {
        case .string(let text, false): text
        case .number(let number): number
        default: nil
        }
    }

    /// Tokens as roughly the PHP they came from.
    private static func text(_ tokens: ArraySlice<PHPToken>) -> String {
        var result = ""
        for token in tokens {
            let piece: String
            switch token.kind {
            case .string(let value, _): piece = "\"" + value + "\""
            default: piece = token.text
            }
            let glue = ["(", ")", ",", "[", "]"].contains(piece) || result.hasSuffix("(") || result.isEmpty ? "" : " "
            result += (piece == "," ? "" : glue) + piece
        }
        return result
    }
}
