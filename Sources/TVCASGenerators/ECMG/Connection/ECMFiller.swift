import TVCASCore

/// The ECM's 23 filler bytes from any source: OpenSSL's generator in the daemon, the vectors'
/// recorded bytes in tests.
public struct ECMFiller: RandomByteSource {
    /// The source the bytes come from.
    public let source: any RandomByteSource

    /// Filler from `source`.
    public init(_ source: any RandomByteSource) {
        self.source = source
    }

    /// OpenSSL's CSPRNG, as in production, drawn a block at a time.
    public static let system = ECMFiller(BufferedRandomSource(SystemRandomSource()))

    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError) {
        try source.fill(buffer)
    }
}
