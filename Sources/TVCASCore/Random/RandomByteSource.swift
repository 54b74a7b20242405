/// Where the ECM builder takes its 23 filler bytes from.
///
/// Production uses ``SystemRandomSource`` (OpenSSL's CSPRNG); tests and the `--filler` option use
/// ``RecordedBytes`` to reproduce the golden vectors.
public protocol RandomByteSource: Sendable {
    /// Fills `buffer` completely with bytes.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError)
}
