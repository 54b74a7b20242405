extension CardListing {
    /// A column the list is sorted by (the original's columns; `info` is TEXT and has no order
    /// index). Ties are broken by `serial_no`, so each sort is a total order an index
    /// `(column, serial_no)` serves (migration 0021).
    public enum SortColumn: String, Sendable, CaseIterable {
        /// `serial_no` (the default).
        case serial = "serial_no"
        /// `name`.
        case name
        /// `access_criteria`.
        case accessCriteria = "access_criteria"
        /// `type` (protection).
        case type
        /// `pair`.
        case pair
        /// `start`.
        case start
        /// `finish`.
        case finish
        /// `edit` (last change).
        case edit

        /// The column's value in a row that selected it as `sort_value`.
        func value(in row: Row) throws(DatabaseError) -> SortValue {
            switch try row.value("sort_value") {
            case .null: return .null
            case .int(let number): return .number(number)
            case .uint(let number): return .number(Int64(clamping: number))
            case .text(let text): return isNumeric ? (Int64(text).map { .number($0) } ?? .text(text)) : .text(text)
            case .double(let number): return .number(Int64(number))
            case .blob(let bytes): return .text(String(decoding: bytes, as: UTF8.self))
            }
        }

        /// Whether the column holds numbers (a cursor value must then be one).
        var isNumeric: Bool { self != .name && self != .accessCriteria }
    }

    /// The value of the sort column at a page boundary.
    public enum SortValue: Sendable, Equatable {
        /// SQL NULL (sorted first ascending, last descending).
        case null
        /// A number column's value.
        case number(Int64)
        /// A text column's value.
        case text(String)

        /// The cursor's text in a URL: `~` for NULL, else `=` and the value.
        public var cursorText: String {
            switch self {
            case .null: "~"
            case .number(let value): "=" + String(value)
            case .text(let value): "=" + value
            }
        }

        /// Parses `cursorText` for `column`; nil when malformed.
        public init?(cursorText: String, column: SortColumn) {
            if cursorText == "~" {
                self = .null
                return
            }
            guard cursorText.hasPrefix("=") else { return nil }
            let value = String(cursorText.dropFirst())
            if column.isNumeric {
                guard let number = Int64(value) else { return nil }
                self = .number(number)
            } else {
                self = .text(value)
            }
        }

        var parameter: any SQLValueConvertible {
            switch self {
            case .null: SQLValue.null
            case .number(let value): value
            case .text(let value): value
            }
        }
    }

    /// How the list is ordered.
    public struct Sort: Sendable, Equatable {
        /// The column.
        public var column: SortColumn
        /// Largest first.
        public var descending: Bool

        /// By serial, ascending: the default.
        public static let serial = Sort(column: .serial, descending: false)

        public init(column: SortColumn, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }

        /// Parses a `sort` parameter: a column name, `-` in front for descending; nil when unknown.
        public init?(parameter: String) {
            let descending = parameter.hasPrefix("-")
            guard let column = SortColumn(rawValue: String(parameter.dropFirst(descending ? 1 : 0))) else { return nil }
            self.init(column: column, descending: descending)
        }

        /// The `sort` parameter for this order.
        public var parameter: String { (descending ? "-" : "") + column.rawValue }

        /// `ORDER BY` for this sort.
        var orderBy: String {
            let direction = descending ? " DESC" : ""
            if column == .serial { return "serial_no" + direction }
            return "`\(column.rawValue)`\(direction), serial_no\(direction)"
        }

        /// The condition (and its parameters) for the rows up to and including the cursor
        /// (`value`, `serial`) in this order: the complement of ``after(value:serial:)``.
        func upTo(value: SortValue, serial: UInt32) -> (sql: String, parameters: [any SQLValueConvertible]) {
            if column == .serial { return (descending ? "serial_no >= ?" : "serial_no <= ?", [serial]) }
            let name = "`\(column.rawValue)`"
            switch (value, descending) {
            case (.null, false):
                return ("(\(name) IS NULL AND serial_no <= ?)", [serial])
            case (.null, true):
                return ("(\(name) IS NOT NULL OR serial_no >= ?)", [serial])
            case (_, false):
                return ("(\(name) IS NULL OR \(name) < ? OR (\(name) = ? AND serial_no <= ?))", [value.parameter, value.parameter, serial])
            case (_, true):
                return ("(\(name) > ? OR (\(name) = ? AND serial_no >= ?))", [value.parameter, value.parameter, serial])
            }
        }

        /// The condition (and its parameters) for the rows after the cursor (`value`, `serial`)
        /// in this order; NULLs come first ascending and last descending, as MariaDB sorts them.
        func after(value: SortValue, serial: UInt32) -> (sql: String, parameters: [any SQLValueConvertible]) {
            if column == .serial { return (descending ? "serial_no < ?" : "serial_no > ?", [serial]) }
            let name = "`\(column.rawValue)`"
            let beyond = descending ? "<" : ">"
            switch (value, descending) {
            case (.null, false):
                return ("((\(name) IS NULL AND serial_no > ?) OR \(name) IS NOT NULL)", [serial])
            case (.null, true):
                return ("(\(name) IS NULL AND serial_no < ?)", [serial])
            case (_, false):
                return ("((\(name) = ? AND serial_no > ?) OR \(name) > ?)", [value.parameter, serial, value.parameter])
            case (_, true):
                return (
                    "((\(name) = ? AND serial_no \(beyond) ?) OR \(name) \(beyond) ? OR \(name) IS NULL)",
                    [value.parameter, serial, value.parameter]
                )
            }
        }
    }

    /// Where a page starts: after the card with this serial and sort value.
    public struct Cursor: Sendable, Equatable {
        /// The sort column's value of the last card shown.
        public var value: SortValue
        /// Its serial.
        public var serial: UInt32

        public init(value: SortValue, serial: UInt32) {
            self.value = value
            self.serial = serial
        }
    }
}
