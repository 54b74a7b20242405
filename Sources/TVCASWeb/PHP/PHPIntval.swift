/// PHP's `intval()` of a request variable (64-bit PHP).
public enum PHPIntval {
    /// The integer PHP makes of `value`: for a string, its leading numeric part (leading whitespace
    /// allowed, a fraction or exponent truncated, out-of-range values saturated, anything else 0);
    /// for an array, 1 when it has entries, else 0.
    public static func of(_ value: PHPValue?) -> Int64 {
        switch value {
        case nil: return 0
        case .array(let array): return array.isEmpty ? 0 : 1
        case .string(let bytes): return of(bytes)
        }
    }

    /// The leading numeric part of `bytes`, as ``of(_:)`` describes.
    public static func of(_ bytes: [UInt8]) -> Int64 {
        var index = 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[index]) { index += 1 }
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        var fractionDigits = 0
        var isFloat = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            var fraction = index + 1
            while fraction < bytes.count, isDigit(bytes[fraction]) { fraction += 1 }
            fractionDigits = fraction - index - 1
            if integerDigits + fractionDigits > 0 {
                isFloat = true
                index = fraction
            }
        }
        guard integerDigits + fractionDigits > 0 else { return 0 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "-") || bytes[exponent] == UInt8(ascii: "+") { exponent += 1 }
            let exponentDigits = exponent
            while exponent < bytes.count, isDigit(bytes[exponent]) { exponent += 1 }
            if exponent > exponentDigits {
                isFloat = true
                index = exponent
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isFloat, let exact = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return exact }
        guard let double = Double(text), !double.isNaN else { return 0 }
        if double >= 9.223372036854775807e18 { return Int64.max }
        if double <= -9.223372036854775808e18 { return Int64.min }
        return Int64(double.rounded(.towardZero))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
