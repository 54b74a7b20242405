/// Why a random source could not fill a buffer.
public enum RandomSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// OpenSSL's `RAND_bytes` reported a failure (its generator is not seeded or has failed).
    case generatorFailed
    /// A ``RecordedBytes`` source holds fewer bytes than were asked for; the values are both counts.
    case notEnoughRecordedBytes(have: Int, wanted: Int)

    public var description: String {
        switch self {
        case .generatorFailed: "the random generator (OpenSSL RAND_bytes) failed"
        case .notEnoughRecordedBytes(let have, let wanted): "recorded random source holds \(have) bytes, \(wanted) wanted"
        }
    }
}
