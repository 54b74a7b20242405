import TVCASConfig

/// Configuration texts for the tests: a valid base with single keys replaced or removed.
enum TestConfigurations {
    /// Host facts that do not depend on the machine running the tests.
    static let host = HostFacts(zone: ConfiguredZone(parsing: "Europe/Moscow")!, hostName: "cas-test", sqlDirectory: "/srv/sql")

    static let ecmKey = "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58"
    static let secret = "0123456789abcdefghijklmnopqrstuv"

    /// The required keys as raw TOML literals, by key path.
    static let required: [String: String] = [
        "ecm_key": "\"\(ecmKey)\"",
        "pass_admin": "\"Adm1n-secret\"",
        "pass_oper": "\"oper-secret\"",
        "api_key": "\"mysecretkey123\"",
        "web.secret": "\"\(secret)\"",
    ]

    /// TOML text from raw literals by key path: top-level keys first, then one section per table.
    static func text(_ values: [String: String]) -> String {
        var topLevel: [String] = []
        var tables: [String: [String]] = [:]
        for (path, literal) in values.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 1 {
                topLevel.append("\(path) = \(literal)")
            } else {
                tables[parts[0], default: []].append("\(parts[1]) = \(literal)")
            }
        }
        var lines = topLevel
        for (table, entries) in tables.sorted(by: { $0.key < $1.key }) {
            lines += ["", "[\(table)]"] + entries
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The valid base with `path` set to `literal` (or removed when `literal` is nil).
    static func text(setting path: String, to literal: String?) -> String {
        var values = required
        values[path] = literal
        return text(values)
    }

    /// Parses with the fixed host facts.
    static func parse(_ text: String) throws(ConfigurationError) -> LoadedConfiguration {
        try Configuration.parse(text, path: "test.toml", host: host)
    }
}
