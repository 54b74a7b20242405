/// `0x`-prefixed upper-case hex of an integer, zero-padded to the integer's width.
func hex<Value: FixedWidthInteger>(_ value: Value) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, MemoryLayout<Value>.size * 2 - digits.count)) + digits
}
