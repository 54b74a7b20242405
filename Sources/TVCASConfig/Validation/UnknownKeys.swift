import TOMLKit

/// Finds the keys of a document that the schema does not know, with the nearest known name.
enum UnknownKeys {
    /// One warning per unknown key or table, in key order.
    static func warnings(_ root: TOMLTable) -> [ConfigurationWarning] {
        var warnings: [ConfigurationWarning] = []
        let topLevel = ConfigurationSchema.keys(in: nil).map(\.name) + ConfigurationSchema.tables
        for key in root.keys {
            if let value = root[key], ConfigurationSchema.tables.contains(key) {
                guard let table = value.table else { continue }
                let known = ConfigurationSchema.keys(in: key).map(\.name)
                for inner in table.keys where !known.contains(inner) {
                    let suggestion = elsewhere(inner, except: key) ?? EditDistance.nearest(to: inner, in: known).map { "\(key).\($0)" }
                    warnings.append(.unknownKey(key: "\(key).\(inner)", suggestion: suggestion))
                }
            } else if !topLevel.contains(key) {
                let suggestion = elsewhere(key, except: nil) ?? EditDistance.nearest(to: key, in: topLevel)
                warnings.append(.unknownKey(key: key, suggestion: suggestion))
            }
        }
        return warnings
    }

    /// The full path of a key with exactly this name in another table (or the top level).
    private static func elsewhere(_ name: String, except table: String?) -> String? {
        ConfigurationSchema.keys.first { $0.name == name && $0.table != table }?.path
    }
}
