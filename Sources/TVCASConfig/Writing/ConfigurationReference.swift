import Foundation

/// The configuration keys as Markdown tables, for the README's configuration section.
public enum ConfigurationReference {
    /// One table per TOML table (top level first): key, meaning, default.
    public static func markdown() -> String {
        var lines: [String] = []
        for table in [nil] + ConfigurationSchema.tables.map(Optional.some) {
            if let table {
                lines += ["", "### `[\(table)]`", "", ConfigurationSchema.tableMeanings[table] ?? ""]
            } else {
                lines += ["### Top level"]
            }
            lines += ["", "| key | meaning | default |", "|---|---|---|"]
            for key in ConfigurationSchema.keys(in: table) {
                let meaning = key.meaning.replacingOccurrences(of: "|", with: "\\|")
                let fallback = key.isRequired ? "**required**" : key.defaultDescription
                lines.append("| `\(key.name)` | \(meaning) | \(fallback) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
