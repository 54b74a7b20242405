extension CardAnswer {
    /// One JSON object on one line, the form `tvcas card check` prints:
    /// `{"kind":"ecm","result":"cw","cw_odd":…,"cw_even":…,"sw":"9822"}`,
    /// `{"kind":"ecm","result":"denied","reason":…,"detail":…,"sw":"9804"}` or
    /// `{"kind":"emm","result":"applied"|"ignored","detail":…,"sw":"9000"}`.
    public var jsonLine: String {
        var fields: [(String, String)]
        switch self {
        case .ecm(let answer):
            switch answer.result {
            case .controlWords(let odd, let even):
                fields = [("kind", "ecm"), ("result", "cw"), ("cw_odd", odd.hex), ("cw_even", even.hex)]
            case .denied(let reason):
                fields = [("kind", "ecm"), ("result", "denied"), ("reason", reason.rawValue), ("detail", answer.decision.detail)]
            }
            fields.append(("sw", Self.hex(answer.statusWord)))
        case .emm(let answer):
            fields = [
                ("kind", "emm"), ("result", answer.isApplied ? "applied" : "ignored"), ("detail", answer.explanation),
                ("sw", Self.hex(answer.statusWord)),
            ]
        }
        return "{" + fields.map { "\(Self.quoted($0.0)):\(Self.quoted($0.1))" }.joined(separator: ",") + "}"
    }

    private static func hex(_ word: UInt16) -> String { Hex.encode([UInt8(word >> 8), UInt8(word & 0xFF)]) }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = Hex.encode([0, UInt8(scalar.value)])
                out += "\\u\(hex)"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
