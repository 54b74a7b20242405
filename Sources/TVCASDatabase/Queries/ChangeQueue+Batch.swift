extension ChangeQueue {
    /// One queued change of a batch: the card and the columns that changed.
    public struct Entry: Sendable, Equatable {
        /// The card.
        public var serial: UInt32
        /// The changed columns.
        public var fields: [String]

        /// An entry.
        public init(serial: UInt32, fields: [String]) {
            self.serial = serial
            self.fields = fields
        }
    }

    /// Queues many changes of the write transaction `requestID` with multi-row INSERTs (a CSV
    /// import); call it inside that transaction. As ``record(serial:fields:source:requestID:at:)``,
    /// a second change of a card in the same transaction adds its fields to the first.
    public func record(
        _ entries: [Entry], source: CardChange.Source, requestID: RequestID, at time: UInt32, batchSize: Int = 1000
    ) throws(DatabaseError) {
        for range in StatementBatches.ranges(count: entries.count, size: batchSize) {
            let slice = entries[range]
            let sql =
                "INSERT INTO tvcas_card_changes (serial_no, fields, source, changed_at, request_id) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?)", count: slice.count).joined(separator: ",")
                + " ON DUPLICATE KEY UPDATE fields = LEFT(CONCAT_WS(',', fields, VALUES(fields)), 255), changed_at = VALUES(changed_at)"
            var values: [SQLValue] = []
            values.reserveCapacity(slice.count * 5)
            for entry in slice {
                values += [
                    entry.serial.sqlValue, String(entry.fields.joined(separator: ",").prefix(255)).sqlValue, source.rawValue.sqlValue,
                    time.sqlValue, requestID.value.sqlValue,
                ]
            }
            try connection.execute(sql, values)
        }
    }
}
