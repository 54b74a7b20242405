import COpenSSL

/// Bytes from OpenSSL's CSPRNG (`RAND_bytes`): the ECM filler in production.
public struct SystemRandomSource: RandomByteSource {
    public init() {}

    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        guard RAND_bytes(base.assumingMemoryBound(to: UInt8.self), Int32(buffer.count)) == 1 else {
            throw .generatorFailed
        }
    }
}
