/// A "random" source that hands out the same recorded bytes every time: the golden vectors'
/// filler, or `tvcas ecm encode --filler`.
public struct RecordedBytes: RandomByteSource {
    /// The bytes each `fill` starts from.
    public let bytes: [UInt8]

    /// A source that answers every request with the first bytes of `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError) {
        guard buffer.count <= bytes.count else {
            throw .notEnoughRecordedBytes(have: bytes.count, wanted: buffer.count)
        }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<buffer.count]))
        }
    }
}
