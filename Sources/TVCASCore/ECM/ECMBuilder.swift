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
    public let key: ECMKey
    /// Where the 23 filler bytes of each ECM come from.
    public let random: Random
    private let even: TripleDES
    private let odd: TripleDES

    /// A builder for `key`, drawing filler bytes from `random`.
    public init(key: ECMKey, random: Random) {
        self.key = key
        self.random = random
        // An ECMKey always holds 32 bytes, so both halves are valid 16-byte keys.
        even = try! TripleDES(key: key.evenHalf)
        odd = try! TripleDES(key: key.oddHalf)
    }

    /// Writes the 55-byte ECM into `output` (which must hold at least 55 bytes).
    ///
    /// - Parameters:
    ///   - cpNumber: the crypto period of the CW_provision; its parity picks the table id and key half.
    ///   - controlWords: the two CWs in CW_provision message order (`cp_cw_combination` entries
    ///     `[0]` and `[1]`). For an even `cpNumber` the second is the odd CW; for an odd one the first is.
    ///   - accessCriteria: the CW_provision's access criteria.
    ///   - time: the ECMG's clock, Unix seconds (UTC).
    public func build(
        cpNumber: UInt16,
        controlWords: (ControlWord, ControlWord),
        accessCriteria: AccessCriteria,
        time: UInt32,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ECMError) {
        precondition(output.count >= ECMFormat.datagramLength, "ECM output buffer needs 55 bytes")
        let isOdd = cpNumber & 1 == 1
        let (oddCW, evenCW) = isOdd ? controlWords : (controlWords.1, controlWords.0)
        let cipher = isOdd ? odd : even
        let result: Result<Void, ECMError> = withUnsafeTemporaryAllocation(
            byteCount: ECMFormat.plaintextLength, alignment: 8
        ) { plain in
            do throws(RandomSourceError) {
                try random.fill(UnsafeMutableRawBufferPointer(rebasing: plain[ECMFormat.Offset.filler..<ECMFormat.Offset.checksum]))
            } catch {
                return .failure(.random(error))
            }
            plain.storeBigEndian(time, at: ECMFormat.Offset.time)
            plain.storeBigEndian(oddCW.rawValue, at: ECMFormat.Offset.oddControlWord)
            plain.storeBigEndian(evenCW.rawValue, at: ECMFormat.Offset.evenControlWord)
            plain.storeBigEndian(accessCriteria.rawValue, at: ECMFormat.Offset.accessCriteria)
            plain[ECMFormat.Offset.checksum] = Checksum.sum(UnsafeRawBufferPointer(plain), 0..<ECMFormat.Offset.checksum)
            output[0] = isOdd ? ECMFormat.oddTableID : ECMFormat.evenTableID
            for (index, byte) in ECMFormat.headerTail.enumerated() { output[1 + index] = byte }
            let ciphertext = UnsafeMutableRawBufferPointer(
                rebasing: output[ECMFormat.ciphertextOffset..<ECMFormat.datagramLength])
            do throws(TripleDESError) {
                try cipher.transform(UnsafeRawBufferPointer(plain), into: ciphertext, encrypt: true)
            } catch {
                return .failure(.cipher(error))
            }
            return .success(())
        }
        try result.get()
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
