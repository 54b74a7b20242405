import Foundation
import TVCASDatabase

/// What the ECMG and EMMG pages do the same way on their rows (panels.md §4–§5).
extension PanelController {
    /// `GET ?op=ecmg|emmg&edit=N` (admin): the add form from `newFields` when `text` is `0`, else
    /// the form of the row whose fields `rowFields` returns (nil: no such row).
    func generatorEditForm(
        _ page: PanelPage, kind: GeneratorState.Kind, text: String, started: Date, newFields: () throws -> GeneratorFormFields,
        rowFields: (UInt32) throws -> GeneratorFormFields?
    ) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=\(kind.op)") }
        if text == "0" {
            return renderGeneratorForm(page, kind: kind, id: 0, fields: try newFields(), status: .ok, error: nil, started: started)
        }
        guard let id = Self.generatorID(text) else { return Self.badGeneratorID(kind) }
        guard let fields = try rowFields(id) else { return Self.noGenerator(kind, id) }
        return renderGeneratorForm(page, kind: kind, id: id, fields: fields, status: .ok, error: nil, started: started)
    }

    /// The daemons' states of the generators of one kind, by generator id.
    func generatorStates(_ page: PanelPage, kind: GeneratorState.Kind) throws -> [UInt32: GeneratorState] {
        Dictionary(
            try page.connection.generatorStates.all().filter { $0.kind == kind }.map { ($0.generatorID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Deletes a generator's row with `Stop <KIND>_<id>` (type 1, when it was on) and `removal`
    /// in one transaction, `alsoDelete` running in it too; redirects to the list.
    func removeGenerator(
        _ page: PanelPage, kind: GeneratorState.Kind, id: UInt32, wasOn: Bool, removal: String,
        alsoDelete: (Connection) throws -> Void = { _ in }
    ) throws -> Response {
        var entries: [LogEntry] = []
        if wasOn { entries.append(page.logEntry("Stop \(kind.label)_\(id)", type: 1)) }
        entries.append(page.logEntry(removal))
        let prepared = entries
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.generatorSwitches(kind).delete(id: id)
            try alsoDelete(connection)
            for entry in prepared { try connection.logs.append(entry) }
        }
        return Self.redirect(to: "\(page.role.basePath)?op=\(kind.op)&done=removed&id=\(id)")
    }

    /// A form's fields as posted, `filled`'s values where a field was not posted.
    static func postedGeneratorFields(_ form: FormBody, filled: GeneratorFormFields) -> GeneratorFormFields {
        filled.map { field in (field.label, field.name, form.fields[field.name]?.text ?? field.value) }
    }
}
