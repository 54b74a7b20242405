/// One validated API update: what to write, in one transaction, with its log row and its
/// change-queue row.
public struct BillingCardUpdate: Sendable, Equatable {
    /// The card's serial before the update.
    public var serialNumber: UInt32
    /// The columns to set, in the order of the query string, each once.
    public var assignments: [Assignment]
    /// The `tvcas_logs` message (original text format, at most 250 characters).
    public var logMessage: String
    /// The client's address for `tvcas_logs.ip`.
    public var clientAddress: String
    /// The request's id: makes a retried transaction harmless (decisions.md §9).
    public var requestID: String

    /// One column and its new value, as stored.
    public struct Assignment: Sendable, Equatable {
        /// The column.
        public var field: BillingField
        /// The value as stored.
        public var value: String

        /// An assignment of `value` to `field`.
        public init(field: BillingField, value: String) {
            self.field = field
            self.value = value
        }
    }

    /// An update of the card `serialNumber`.
    public init(serialNumber: UInt32, assignments: [Assignment], logMessage: String, clientAddress: String, requestID: String) {
        self.serialNumber = serialNumber
        self.assignments = assignments
        self.logMessage = logMessage
        self.clientAddress = clientAddress
        self.requestID = requestID
    }

    /// The new serial, when the update moves the card.
    public var newSerialNumber: UInt32? {
        assignments.last { $0.field == .serialNumber }.flatMap { UInt32($0.value) }
    }

    /// The changed columns for the change queue's `fields`, comma-separated.
    public var changedFields: String { assignments.map(\.field.column).joined(separator: ",") }
}
