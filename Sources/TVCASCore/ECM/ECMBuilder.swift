/// Builds ECM datagrams for one ECM key, as the ECMG answers a `CW_provision` (formats.md §1).
///
/// The two 3DES ciphers are set up once, in the initialiser; each ECM then costs one 48-byte
/// encryption and no allocation beyond its output (none with ``build(cpNumber:controlWords:accessCriteria:time:into:)``).
///
/// ```swift
/// let builder = ECMBuilder(key: try ECMKey(hex: configuredKey), random: SystemRandomSource())
/// let ecm = try builder.build(cpNumber: 7, controlWords: (current, next), accessCriteria: ac, time: now)
/// ```
public struct ECMBuilder<Random: RandomByteSource>: Sendable {
    /// The ECM key.
    public var key: ECMKey { encryptor.key }
    /// Where the 23 filler bytes of each ECM come from.
    public let random: Random
    /// The key schedules and the sealing.
    public let encryptor: ECMEncryptor

    /// A builder for `key`, drawing filler bytes from `random`.
    public init(key: ECMKey, random: Random) {
        self.random = random
        encryptor = ECMEncryptor(key: key)
    }

    /// Writes the 55-byte ECM into `output` (which must hold at least 55 bytes), with 23 filler
    /// bytes drawn from ``random``; see ``ECMEncryptor/seal(cpNumber:controlWords:accessCriteria:time:filler:into:)``.
    public func build(
        cpNumber: UInt16,
        controlWords: (ControlWord, ControlWord),
        accessCriteria: AccessCriteria,
        time: UInt32,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ECMError) {
        try encryptor.seal(
            cpNumber: cpNumber, controlWords: controlWords, accessCriteria: accessCriteria, time: time, fillerFrom: random,
            into: output)
    }

    /// The 55-byte ECM as a new array; see ``build(cpNumber:controlWords:accessCriteria:time:into:)``.
    public func build(
        cpNumber: UInt16,
        controlWords: (ControlWord, ControlWord),
        accessCriteria: AccessCriteria,
        time: UInt32
    ) throws(ECMError) -> [UInt8] {
        var failure: ECMError?
        let datagram = [UInt8](unsafeUninitializedCapacity: ECMFormat.datagramLength) { buffer, count in
            do throws(ECMError) {
                try build(
                    cpNumber: cpNumber, controlWords: controlWords, accessCriteria: accessCriteria, time: time,
                    into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
            }
            count = ECMFormat.datagramLength
        }
        if let failure { throw failure }
        return datagram
    }
}
