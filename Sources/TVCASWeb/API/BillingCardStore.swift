/// Where the billing API reads and writes cards (the database; see `DatabaseBillingCardStore`).
public protocol BillingCardStore: Sendable {
    /// The card with this serial, or nil.
    func billingCard(serialNumber: UInt32) throws -> BillingCard?

    /// Applies `update`, its log row and its change-queue row in one transaction. Answers the
    /// field whose value the database refused (a serial already taken, a text that does not fit),
    /// in which case nothing was written.
    func apply(_ update: BillingCardUpdate) throws -> BillingField?
}
