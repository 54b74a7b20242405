/// Renders a complete `tvcas.toml`: every key of ``ConfigurationSchema`` with its meaning and
/// default in comments; keys given a value are set, the others are left commented out at their
/// default (required keys without a value are written as `""`, which fails validation until
/// filled in).
public struct ConfigurationTemplate: Sendable {
    /// Comment lines at the top of the file (without `#`).
    public var header: [String]
    /// Values to set, by key path (`ecm_key`, `web.secret`).
    public var values: [String: TOMLLiteral]
    /// Whether a required key without a value is written as `key = ""` (true) or commented out.
    public var writesRequiredPlaceholders = true

    /// A template with a header and values.
    public init(header: [String], values: [String: TOMLLiteral] = [:]) {
        self.header = header
        self.values = values
    }

    /// The header of `tvcas.toml.example`.
    public static let exampleHeader = [
        "Example TVCAS configuration (TOML). Copy it to /etc/tvcas/tvcas.toml (or point --config or",
        "TVCAS_CONFIG at it) and fill in the required keys; `tvcas init-config --out FILE` writes one",
        "with a random ECM key, passwords, API key and secret instead.",
    ]

    /// Longest line of comment text.
    static let width = 100

    /// The file's text.
    public func render() -> String {
        var lines = header.map { $0.isEmpty ? "#" : "# \($0)" }
        lines += [
            "#",
            "# Every key is listed with its meaning and default. A commented-out key has its default;",
            "# a missing table means all its defaults. `tvcas check-config --config FILE` checks the file.",
        ]
        for key in ConfigurationSchema.keys(in: nil) { lines += [""] + render(key) }
        for table in ConfigurationSchema.tables {
            lines += ["", ""]
            lines += Self.comment("[\(table)] " + (ConfigurationSchema.tableMeanings[table] ?? ""), prefix: "# ")
            lines.append("[\(table)]")
            for key in ConfigurationSchema.keys(in: table) { lines += [""] + render(key) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ key: ConfigurationKey) -> [String] {
        var lines = Self.comment(key.meaning, prefix: "# ")
        lines.append(key.isRequired ? "# Required." : "# Default: " + key.defaultDescription.filter { $0 != "`" } + ".")
        if let value = values[key.path] {
            lines.append("\(key.name) = \(value)")
        } else if key.isRequired && writesRequiredPlaceholders {
            lines.append("\(key.name) = \"\"")
        } else {
            lines.append("# \(key.name) = \(key.defaultLiteral ?? key.example ?? "\"\"")")
        }
        return lines
    }

    /// `text` wrapped into comment lines of at most ``width`` characters.
    static func comment(_ text: String, prefix: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && prefix.count + line.count + 1 + word.count > width {
                lines.append(prefix + line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(prefix + line) }
        return lines
    }
}
