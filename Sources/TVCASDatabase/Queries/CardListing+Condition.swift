extension CardListing {
    /// A `WHERE` clause being built: conditions joined by `AND`, with their parameters in order.
    struct Condition {
        /// The conditions.
        private(set) var parts: [String] = []
        /// Their parameters, in the order of the placeholders.
        private(set) var parameters: [any SQLValueConvertible] = []

        init() {}

        init(_ sql: String, _ values: any SQLValueConvertible...) {
            add(sql, values)
        }

        init(_ sql: String, _ values: [any SQLValueConvertible]) {
            add(sql, values)
        }

        /// Adds a condition.
        mutating func add(_ sql: String, _ values: any SQLValueConvertible...) {
            add(sql, values)
        }

        /// Adds a condition with its parameters.
        mutating func add(_ sql: String, _ values: [any SQLValueConvertible]) {
            parts.append(sql)
            parameters += values
        }

        /// The conditions joined by `AND`.
        var sql: String { parts.joined(separator: " AND ") }

        /// ` WHERE …`, or nothing without conditions.
        var whereClause: String { parts.isEmpty ? "" : " WHERE " + sql }
    }
}
