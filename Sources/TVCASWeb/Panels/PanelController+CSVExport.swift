import Foundation
import TVCASDatabase

extension PanelController {
    /// Cards per keyed batch of the export: memory stays flat whatever the table's size.
    static let csvExportBatchSize = 10_000

    /// The column set of a panel: the admin's with keys, the operator's without.
    static func csvColumns(_ role: PanelRole) -> CSVColumnSet { role == .admin ? .admin : .oper }

    /// `GET ?op=smartcards&csv=export`: every card, by serial, as the original's CSV download
    /// (config-csv-logs.md §2), streamed from one consistent snapshot in keyed batches, then the
    /// log row `Export CSV, <KB> KB, <lines> items.` The length is not known in advance, so
    /// there is no `Content-Length`.
    func exportCSV(_ page: PanelPage) throws -> Response {
        // The database must answer before the headers go out: after them an error only cuts the file short.
        try page.connection.ping()
        let columns = Self.csvColumns(page.role)
        let database = self.database
        let (user, ip, now) = (page.role.userName, page.ip, page.now)
        var response = Response(
            status: .ok,
            body: .stream { writer in
                let connection = database.current()
                var csv = CSVWriter(columns: columns)
                var failure: (any Error)?
                do {
                    try Self.writeCards(columns: columns, from: connection, into: &csv, writer: &writer)
                } catch {
                    failure = error
                }
                let entry = LogEntry(message: LogText.clean(csv.logMessage), user: user, time: Int32(truncatingIfNeeded: now), ip: ip)
                _ = try? connection.logs.append(entry)
                if let failure { throw failure }
            })
        response.addAttachmentHeaders(fileName: CSVFileName.make(columns: columns, at: now, zone: dates.zone))
        return response
    }

    /// Writes the header and every card, batch by batch, inside a read-only snapshot.
    private static func writeCards(
        columns: CSVColumnSet, from connection: Connection, into csv: inout CSVWriter, writer: inout any ResponseBodyWriter
    ) throws {
        try connection.executeText("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")
        defer { try? connection.executeText("COMMIT") }
        try writer.write(csv.take())
        for row in try connection.cardTransfer.rowsWithoutSerial(columns.columns) { csv.appendLine(row.values) }
        var after: Int64 = -1
        while true {
            let rows = try connection.cardTransfer.batch(columns.columns, after: after, limit: csvExportBatchSize)
            for row in rows { csv.appendLine(row.values) }
            try writer.write(csv.take())
            guard rows.count == csvExportBatchSize, let last = rows.last else { return }
            after = try last.decode(at: 0, as: Int64.self)
        }
    }
}
