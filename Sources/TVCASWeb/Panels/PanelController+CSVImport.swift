import Foundation
import TVCASDatabase

extension PanelController {
    /// The most problems an import page lists (the count of the rest is given).
    static let csvProblemsShown = 10_000

    /// `GET ?op=smartcards&csv=import`: the upload form.
    func importCSVForm(_ page: PanelPage, started: Date) -> Response {
        renderImport(page, status: .ok, summary: nil, problems: [], error: nil, started: started)
    }

    /// `POST ?op=smartcards&csv=import` (multipart, file field `loadfile`): checks the whole
    /// file and reports every bad line, changing nothing; a valid file is applied in one
    /// transaction — insert or update by serial, a change-queue row for every changed card and
    /// the log row `Import CSV, add: X, upd: Y. Total: T sec.` An operator import may only
    /// update existing cards (decisions.md §5).
    func importCSV(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        guard let file = form.files.first(where: { $0.fieldName == "loadfile" }) ?? form.files.first else {
            return renderImport(page, status: .badRequest, summary: nil, problems: [], error: "Choose a CSV file to import.", started: started)
        }
        let columns = Self.csvColumns(page.role)
        var validation = CSVImportValidator(columns: columns, now: page.now).validate(file.data)
        let serials = validation.serials
        if page.role == .oper, !serials.isEmpty {
            let existing = try page.connection.cardTransfer.current([], serials: serials)
            validation.add(validation.unknownSerials(existing: Set(existing.keys)))
        }
        if !validation.problems.isEmpty { return try refuseImport(page, problems: validation.problems, started: started) }
        let rows = validation.rows
        let (role, now) = (page.role, page.now)
        let requestID = RequestID.random()
        let entry = page.logEntry("")
        let outcome: TransactionOutcome<CSVImportSummary>
        do {
            outcome = try page.connection.runTransaction(requestID: requestID, logger: logger) { connection in
                let current = try connection.cardTransfer.current(columns.columns, serials: serials, locking: true)
                if role == .oper {
                    let unknown = validation.unknownSerials(existing: Set(current.keys))
                    if !unknown.isEmpty { throw CSVImportRejection(problems: unknown) }
                }
                let plan = CSVImportPlan(rows: rows, current: current, columns: columns.columns)
                try connection.cardTransfer.upsert(rows.map(\.values), columns: columns.columns, createdAt: now)
                try connection.changeQueue.record(plan.changes, source: .csv, requestID: requestID, at: now)
                let summary = CSVImportSummary(added: plan.added, updated: plan.updated, seconds: Date().timeIntervalSince(started))
                var log = entry
                log.message = LogText.clean(summary.logMessage)
                try connection.logs.append(log)
                return summary
            }
        } catch let rejection as CSVImportRejection {
            return try refuseImport(page, problems: rejection.problems, started: started)
        }
        let summary = outcome.value ?? CSVImportSummary(added: 0, updated: 0, seconds: Date().timeIntervalSince(started))
        return renderImport(page, status: .ok, summary: summary, problems: [], error: nil, started: started)
    }

    /// Logs a refused import as the original logged one that processed nothing, and lists the problems.
    private func refuseImport(_ page: PanelPage, problems: [CSVImportProblem], started: Date) throws -> Response {
        let summary = CSVImportSummary(added: 0, updated: 0, seconds: Date().timeIntervalSince(started))
        try page.connection.logs.append(page.logEntry(summary.logMessage))
        return renderImport(
            page, status: HTTPStatus(422, "Unprocessable Content"), summary: nil, problems: problems,
            error: "Import break! Nothing was changed: correct the lines below and upload the file again.", started: started)
    }

    private func renderImport(
        _ page: PanelPage, status: HTTPStatus, summary: CSVImportSummary?, problems: [CSVImportProblem], error: String?, started: Date
    ) -> Response {
        var context: [String: Any] = [
            "header": Self.csvColumns(page.role).header,
            "problems": problems.prefix(Self.csvProblemsShown).map(\.description),
            "problemCount": problems.count,
        ]
        if problems.count > Self.csvProblemsShown { context["moreProblems"] = problems.count - Self.csvProblemsShown }
        if let summary {
            context["summary"] = ["added": summary.added, "updated": summary.updated, "seconds": summary.secondsText]
        }
        return render(
            page, status: status, title: "Smartcards", template: "csv-import", context: context,
            message: summary == nil ? nil : "File upload success!", error: error, started: started)
    }
}

/// An import refused inside its transaction (a card an operator line updates went away
/// meanwhile): the transaction is rolled back and the lines reported.
struct CSVImportRejection: Error {
    /// The lines refused.
    let problems: [CSVImportProblem]
}
