/// The bytes of PHP's `json_encode()` with default flags, for the shapes the billing API answers:
/// an object of string-or-null members, or `null`.
///
/// `/` becomes `\/`; every character above U+007F a lowercase `\uXXXX` escape (a surrogate pair
/// above U+FFFF); `"` and `\` are escaped, control characters use `\b \f \n \r \t` or `\u00XX`;
/// `<`, `>`, `&` and `'` stay as they are; no spaces anywhere.
public enum PHPJSONEncoder {
    /// `json_encode` of an associative array of strings (members in the given order; `nil` is
    /// `null`), or of `null` when `object` is nil.
    public static func encode(_ object: [(key: String, value: String?)]?) -> String {
        guard let object else { return "null" }
        var output = "{"
        for (index, member) in object.enumerated() {
            if index > 0 { output += "," }
            appendString(member.key, to: &output)
            output += ":"
            if let value = member.value {
                appendString(value, to: &output)
            } else {
                output += "null"
            }
        }
        return output + "}"
    }

    /// `json_encode` of one string.
    public static func encode(string: String) -> String {
        var output = ""
        appendString(string, to: &output)
        return output
    }

    private static func appendString(_ string: String, to output: inout String) {
        output.unicodeScalars.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "/": output += "\\/"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7F {
                    for unit in String(scalar).utf16 { appendEscape(unit, to: &output) }
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.unicodeScalars.append("\"")
    }

    private static func appendEscape(_ unit: UInt16, to output: inout String) {
        let hex = String(unit, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
