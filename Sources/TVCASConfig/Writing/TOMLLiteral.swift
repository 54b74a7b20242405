/// A value written into a generated configuration file.
public enum TOMLLiteral: Hashable, Sendable, CustomStringConvertible {
    /// A TOML basic string.
    case string(String)
    /// A TOML integer.
    case integer(Int)

    /// The value as TOML source: strings quoted with every character TOML requires escaped.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .string(let value): Self.quote(value)
        }
    }

    /// `text` as a TOML basic string (`"…"`), escaping `"`, `\` and control characters.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
