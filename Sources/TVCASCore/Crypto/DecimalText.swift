/// ASCII decimal digits of unsigned numbers, written into a caller's buffer (the EMM filler hashes
/// decimal text, as PHP concatenated numbers).
enum DecimalText {
    /// Writes the decimal digits of `value` at `offset` and returns the offset after them.
    @inline(__always)
    static func write(_ value: UInt32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var digits = 1
        var rest = value / 10
        while rest != 0 {
            digits += 1
            rest /= 10
        }
        rest = value
        for index in stride(from: offset + digits - 1, through: offset, by: -1) {
            buffer[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
        }
        return offset + digits
    }
}
