import TVCASDatabase

/// A posted EMMG form (panels.md §5.3, decisions.md §5): `info`, `host`, `port`, `client_id`
/// (hex, as shown), `timeout` as the original, and `run_on` (decisions.md §8). Only these
/// fields are read; a missing field keeps the row's value. Unlike the original, a `client_id`
/// with a non-hex character is refused rather than read with the character dropped.
struct EMMGForm {
    /// The row with the form applied.
    var row: EMMGRow

    init(fields: PHPArray, row original: EMMGRow) throws(GeneratorFormError) {
        var row = original
        if let text = fields["info"]?.text { row.info = try GeneratorFields.info(text) }
        if let text = fields["host"]?.text {
            let host = text.trimmingSpaces
            guard GeneratorFields.isHostName(host) else { throw .host(text) }
            row.host = host
        }
        if let text = fields["port"]?.text { row.port = try GeneratorFields.port(text) }
        if let text = fields["client_id"]?.text { row.clientID = try Self.clientID(text) }
        if let text = fields["timeout"]?.text { row.timeout = try GeneratorFields.timeout(text) }
        if let text = fields["run_on"]?.text { row.runOn = try GeneratorFields.runOn(text) }
        self.row = row
    }

    /// `client_id` as entered: 1 to 8 hex digits, `0x` allowed in front.
    static func clientID(_ text: String) throws(GeneratorFormError) -> UInt32 {
        var digits = Substring(text.trimmingSpaces)
        if digits.lowercased().hasPrefix("0x") { digits = digits.dropFirst(2) }
        guard (1...8).contains(digits.count), digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { throw .clientID(text) }
        return value
    }

    /// `client_id` as the form shows it: 8 lowercase hex digits.
    static func clientIDText(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }
}
