import TVCASDatabase

/// What applying valid rows does, given the cards' current values: how many are added and
/// updated (the original's counts: a serial seen before in the file counts as an update) and
/// the change-queue entries — one per card whose values change (`edit` aside), every column for
/// a new card.
public struct CSVImportPlan: Sendable, Equatable {
    /// Lines that create a card.
    public private(set) var added = 0
    /// Lines that update a card.
    public private(set) var updated = 0
    /// The change-queue entries, one per changed card.
    public private(set) var changes: [ChangeQueue.Entry] = []

    /// The plan for `rows` (values in `columns` order) over `current` (each existing card's values
    /// in the same order, keyed by serial).
    public init(rows: [CSVImportRow], current: [UInt32: [SQLValue]], columns: [CardColumn]) {
        var lastLine: [UInt32: Int] = [:]
        var queued: [UInt32: Int] = [:]
        let compared = columns.indices.filter { columns[$0] != .edit && columns[$0] != .serialNo }
        for (index, row) in rows.enumerated() {
            let fields: [String]
            if let before = lastLine[row.serial].map({ rows[$0].values }) ?? current[row.serial] {
                updated += 1
                fields = compared.filter { !Self.same(before[$0], row.values[$0]) }.map { columns[$0].rawValue }
            } else {
                added += 1
                fields = columns.filter { $0 != .edit }.map(\.rawValue)
            }
            lastLine[row.serial] = index
            guard !fields.isEmpty else { continue }
            if let index = queued[row.serial] {
                changes[index].fields += fields.filter { !changes[index].fields.contains($0) }
            } else {
                queued[row.serial] = changes.count
                changes.append(ChangeQueue.Entry(serial: row.serial, fields: fields))
            }
        }
    }

    /// Whether two cells hold the same value: integers compared by value whatever their sign,
    /// and NULL the same as empty text (an exported NULL comes back as an empty field).
    static func same(_ left: SQLValue, _ right: SQLValue) -> Bool {
        switch (left, right) {
        case (.int(let a), .uint(let b)), (.uint(let b), .int(let a)): a >= 0 && UInt64(a) == b
        case (.null, .text(let text)), (.text(let text), .null): text.isEmpty
        default: left == right
        }
    }
}
