/// Big-endian reads and writes at byte offsets of a raw buffer.
extension UnsafeMutableRawBufferPointer {
    @inline(__always)
    func storeBigEndian<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always)
    func loadBigEndian<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
        T(bigEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
