/// The ECM and EMM checksum: the unsigned sum of the bytes, modulo 256.
enum Checksum {
    /// The sum of `bytes[range]` modulo 256.
    @inline(__always)
    static func sum(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> UInt8 {
        var total: UInt8 = 0
        for index in range { total &+= bytes[index] }
        return total
    }
}
