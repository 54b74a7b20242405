/// The billing API's reads and its one write (api.md): the seven columns it answers with, as
/// mysqli text, and the update that writes the card, its `tvcas_logs` row and its change-queue
/// row in one transaction.
public struct BillingAPICards {
    let connection: Connection

    /// The columns the API reads and may set, in the order of its answer.
    public static let columns = ["serial_no", "name", "info", "access_criteria", "pair", "start", "finish"]

    /// The card's seven columns as text (nil for NULL), or nil when no card has this serial.
    public func find(serial: UInt32) throws(DatabaseError) -> [String?]? {
        guard
            let row = try connection.queryFirst(
                "SELECT serial_no, name, info, access_criteria, pair, start, finish FROM tvcas_smartcards WHERE serial_no = ?", [serial])
        else { return nil }
        return row.values.map(Self.text)
    }

    /// Sets `assignments` (column → stored text; only ``columns``) on the card `serial`, appends
    /// the log row (type 0, user `API`) and queues the change (source `api`) for the card's
    /// serial after the update, in one transaction keyed by `requestID` (decisions.md §9).
    ///
    /// Answers the column the database refused (a serial already taken: 1062; a text that does
    /// not fit: 1366, 1406), with nothing written; nil when it is done.
    public func update(
        serial: UInt32,
        assignments: [(column: String, value: String)],
        logMessage: String,
        ip: String,
        requestID: RequestID,
        time: UInt32
    ) throws -> String? {
        let ordered = Self.columns.compactMap { column in assignments.last { $0.column == column } }
        guard !ordered.isEmpty, ordered.count == Set(assignments.map(\.column)).count else {
            throw BillingAPIUpdateError.unknownColumn(assignments.map(\.column).joined(separator: ","))
        }
        let setList = ordered.map { "`\($0.column)` = ?" }.joined(separator: ", ")
        let newSerial = ordered.first { $0.column == "serial_no" }.flatMap { UInt32($0.value) } ?? serial
        do {
            _ = try connection.runTransaction(requestID: requestID) { connection in
                var parameters: [any SQLValueConvertible] = ordered.map(\.value)
                parameters.append(serial)
                try connection.execute("UPDATE tvcas_smartcards SET \(setList) WHERE serial_no = ?", parameters)
                try connection.logs.append(LogEntry(message: logMessage, type: 0, user: "API", time: Int32(clamping: time), ip: ip))
                try connection.changeQueue.record(
                    serial: newSerial, fields: ordered.map(\.column), source: .api, requestID: requestID, at: time)
            }
            return nil
        } catch let error as DatabaseError {
            switch error.code {
            case 1062: return "serial_no"
            case 1366, 1406:
                let message = "\(error)"
                return ordered.map(\.column).last { message.contains("`\($0)`") || message.contains("'\($0)'") } ?? ordered[0].column
            default: throw error
            }
        }
    }

    /// mysqli's text for a result cell.
    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return String(number)
        case .text(let text): return text
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A billing update the database layer refuses before running it.
public enum BillingAPIUpdateError: Error, Sendable, Equatable {
    /// A column that the API may not set, or a column given twice (the list given).
    case unknownColumn(String)
}

extension Connection {
    /// The billing API's queries.
    public var billingAPICards: BillingAPICards { BillingAPICards(connection: self) }
}
