/// The seven columns the billing API answers with, as text (`nil` for NULL), like mysqli rows.
public struct BillingCard: Sendable, Equatable {
    /// The columns, by field.
    public var values: [BillingField: String?]

    /// A card from its column texts.
    public init(values: [BillingField: String?]) {
        self.values = values
    }

    /// The card's serial number (0 when NULL or not a number).
    public var serialNumber: Int64 { Int64((values[.serialNumber] ?? nil) ?? "") ?? 0 }

    /// PHP's `json_encode` of the row: members in column order, every value a string.
    public var json: String {
        PHPJSONEncoder.encode(BillingField.allCases.map { (key: $0.column, value: values[$0] ?? nil) })
    }
}
