/// Splits an SQL file into its statements: on `;` outside quotes, `--`/`#` line comments and
/// `/* */` comments, which are dropped.
enum SQLScript {
    /// The statements of `text`, trimmed, without their final `;`.
    static func statements(in text: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var iterator = Array(text)
        var index = 0
        func flush() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty { statements.append(trimmed) }
            current = ""
        }
        while index < iterator.count {
            let character = iterator[index]
            let next: Character? = index + 1 < iterator.count ? iterator[index + 1] : nil
            if let open = quote {
                current.append(character)
                if character == "\\", open != "`", let next {
                    current.append(next)
                    index += 2
                    continue
                }
                if character == open { quote = nil }
                index += 1
                continue
            }
            switch character {
            case "'", "\"", "`":
                quote = character
                current.append(character)
            case "-" where next == "-" && (index + 2 >= iterator.count || iterator[index + 2].isWhitespace),
                "#":
                while index < iterator.count, iterator[index] != "\n" { index += 1 }
                continue
            case "/" where next == "*":
                index += 2
                while index + 1 < iterator.count, !(iterator[index] == "*" && iterator[index + 1] == "/") { index += 1 }
                index += 2
                continue
            case ";":
                flush()
            default:
                current.append(character)
            }
            index += 1
        }
        flush()
        iterator.removeAll()
        return statements
    }
}
