/// The five tables of the original TVCAS3 and their columns as `schema.sql` declares them.
public struct OriginalTables: Sendable {
    /// One table of `schema.sql`.
    public struct Table: Sendable, Equatable {
        /// The table name.
        public let name: String
        /// Column names and types (`int(10) unsigned`), in order.
        public let columns: [(name: String, type: String)]

        public static func == (a: Table, b: Table) -> Bool {
            a.name == b.name && a.columns.elementsEqual(b.columns) { $0.name == $1.name && $0.type == $1.type }
        }
    }

    /// The names of the original tables.
    public static let names = ["tvcas_ecmg", "tvcas_ecmg_log", "tvcas_emmg", "tvcas_logs", "tvcas_smartcards"]

    /// The tables, in `schema.sql` order.
    public let tables: [Table]

    /// Reads the `CREATE TABLE` statements of the schema.
    public init(schema: Migration) {
        var tables: [Table] = []
        for statement in schema.statements {
            let lines = statement.split(separator: "\n").map(String.init)
            guard let header = lines.first, header.hasPrefix("CREATE TABLE"), let name = Self.backquoted(header) else { continue }
            var columns: [(String, String)] = []
            for line in lines.dropFirst() {
                let trimmed = line.trimmingWhitespace()
                guard trimmed.hasPrefix("`"), let column = Self.backquoted(trimmed) else { continue }
                let rest = trimmed.dropFirst(column.count + 2).split(separator: " ")
                var typeWords: [Substring] = []
                for word in rest {
                    let upper = word.uppercased()
                    if ["NOT", "NULL", "DEFAULT", "COLLATE", "AUTO_INCREMENT", "COMMENT", "CHARACTER"].contains(upper) { break }
                    typeWords.append(word.hasSuffix(",") ? word.dropLast() : word)
                }
                columns.append((column, typeWords.joined(separator: " ").lowercased()))
            }
            tables.append(Table(name: name, columns: columns))
        }
        self.tables = tables
    }

    private static func backquoted(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "`") else { return nil }
        let after = text.index(after: open)
        guard let close = text[after...].firstIndex(of: "`") else { return nil }
        return String(text[after..<close])
    }
}
