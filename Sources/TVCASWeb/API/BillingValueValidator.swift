/// The API's value checks (api.md's closing table): each `set[…]` entry, in query order, becomes
/// one assignment or the first failing entry's error.
public enum BillingValueValidator {
    /// The longest `name`, in characters (`varchar(255)`).
    public static let maxNameCharacters = 255
    /// The longest `info`, in bytes (`text`).
    public static let maxInfoBytes = 65535
    /// The serials a person or billing may enter (decisions.md §1).
    public static let serialRange: ClosedRange<UInt32> = 2_100_000_000...2_109_999_999

    /// Validates every entry of `set`, in order. Each value is URL-decoded a second time first,
    /// as the original did (billing may depend on it).
    public static func assignments(from set: PHPArray) throws(BillingAPIError) -> [BillingCardUpdate.Assignment] {
        var result: [BillingCardUpdate.Assignment] = []
        for (key, value) in set.entries {
            guard case .string(let name) = key, let field = BillingField(rawValue: name) else { throw .unknownSetParameter }
            guard case .string(let bytes) = value else { throw field.error }
            result.append(.init(field: field, value: try validate(PHPURLDecoding.decode(bytes), for: field)))
        }
        return result
    }

    /// The stored text for `bytes` in `field`, or the field's error.
    public static func validate(_ bytes: [UInt8], for field: BillingField) throws(BillingAPIError) -> String {
        let valid: Bool
        switch field {
        case .accessCriteria:
            valid = bytes.count == 8 && bytes.allSatisfy(isHexDigit)
        case .pair:
            valid = bytes == [UInt8(ascii: "0")] || bytes == [UInt8(ascii: "1")]
        case .start, .finish:
            valid = bytes.count == 10 && bytes.allSatisfy(isDigit) && UInt64(String(decoding: bytes, as: UTF8.self))! <= UInt64(UInt32.max)
        case .serialNumber:
            valid = bytes.count == 10 && bytes.allSatisfy(isDigit) && serialRange.contains(UInt32(String(decoding: bytes, as: UTF8.self))!)
        case .name:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw field.error }
            valid = text.unicodeScalars.count <= maxNameCharacters
        case .info:
            valid = String(validating: bytes, as: UTF8.self) != nil && bytes.count <= maxInfoBytes
        }
        guard valid else { throw field.error }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The `tvcas_logs` message in the original's format: `Smartcard <serial>. col=value …`, with
    /// every `` ` ``, `'`, `;` and `%` removed, cut to the column's 250 characters.
    public static func logMessage(serialNumber: UInt32, assignments: [BillingCardUpdate.Assignment]) -> String {
        let text = "Smartcard \(serialNumber). " + assignments.map { "\($0.field.column)=\($0.value)" }.joined(separator: " ")
        let kept = text.unicodeScalars.filter { !["`", "'", ";", "%"].contains($0) }
        var message = String(String.UnicodeScalarView(kept.prefix(250)))
        if message.unicodeScalars.count > 250 { message = String(String.UnicodeScalarView(message.unicodeScalars.prefix(250))) }
        return message
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
