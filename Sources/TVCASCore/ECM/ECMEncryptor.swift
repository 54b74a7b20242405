/// Seals ECMs for one ECM key (formats.md §1) from filler bytes the caller supplies: the part of
/// ``ECMBuilder`` that does not care where the filler comes from.
///
/// Not generic, so a caller in another module (the ECMG, which draws its filler a block at a
/// time) runs it as compiled here, without generic metadata look-ups on every ECM.
///
/// ```swift
/// let encryptor = ECMEncryptor(key: try ECMKey(hex: configuredKey))
/// try encryptor.seal(cpNumber: 7, controlWords: (current, next), accessCriteria: ac, time: now,
///                    filler: fillerBytes, into: output)
/// ```
public struct ECMEncryptor: Sendable {
    /// The ECM key.
    public let key: ECMKey
    private let even: TripleDES
    private let odd: TripleDES

    /// An encryptor for `key`; both 3DES key schedules are set up here, once.
    public init(key: ECMKey) {
        self.key = key
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
    ///   - filler: the 23 random filler bytes (``ECMFormat/fillerLength``).
    public func seal(
        cpNumber: UInt16,
        controlWords: (ControlWord, ControlWord),
        accessCriteria: AccessCriteria,
        time: UInt32,
        filler: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ECMError) {
        precondition(output.count >= ECMFormat.datagramLength, "ECM output buffer needs 55 bytes")
        precondition(filler.count == ECMFormat.fillerLength, "ECM filler is 23 bytes")
        let isOdd = cpNumber & 1 == 1
        let (oddCW, evenCW) = isOdd ? controlWords : (controlWords.1, controlWords.0)
        var plaintext: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        try withUnsafeMutableBytes(of: &plaintext) { (plain) throws(ECMError) in
            plain.storeBigEndian(time, at: ECMFormat.Offset.time)
            plain.storeBigEndian(oddCW.rawValue, at: ECMFormat.Offset.oddControlWord)
            plain.storeBigEndian(evenCW.rawValue, at: ECMFormat.Offset.evenControlWord)
            plain.storeBigEndian(accessCriteria.rawValue, at: ECMFormat.Offset.accessCriteria)
            UnsafeMutableRawBufferPointer(rebasing: plain[ECMFormat.Offset.filler..<ECMFormat.Offset.checksum]).copyMemory(from: filler)
            plain[ECMFormat.Offset.checksum] = Checksum.sum(UnsafeRawBufferPointer(plain), 0..<ECMFormat.Offset.checksum)
            output[0] = isOdd ? ECMFormat.oddTableID : ECMFormat.evenTableID
            // 0x70 0x34 0x70 0x32 0x64 0x21 (ECMFormat.headerTail), stored without touching the array.
            output.storeBigEndian(UInt32(0x7034_7032), at: 1)
            output.storeBigEndian(UInt16(0x6421), at: 5)
            let ciphertext = UnsafeMutableRawBufferPointer(rebasing: output[ECMFormat.ciphertextOffset..<ECMFormat.datagramLength])
            do throws(TripleDESError) {
                try (isOdd ? odd : even).transform(UnsafeRawBufferPointer(plain), into: ciphertext, encrypt: true)
            } catch {
                throw .cipher(error)
            }
        }
    }

    /// Writes the 55-byte ECM into `output` with 23 filler bytes drawn from `random`; see
    /// ``seal(cpNumber:controlWords:accessCriteria:time:filler:into:)``.
    public func seal(
        cpNumber: UInt16,
        controlWords: (ControlWord, ControlWord),
        accessCriteria: AccessCriteria,
        time: UInt32,
        fillerFrom random: any RandomByteSource,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ECMError) {
        var filler: (UInt64, UInt64, UInt64) = (0, 0, 0)
        try withUnsafeMutableBytes(of: &filler) { (bytes) throws(ECMError) in
            let filler = UnsafeMutableRawBufferPointer(rebasing: bytes[0..<ECMFormat.fillerLength])
            do throws(RandomSourceError) {
                try random.fill(filler)
            } catch {
                throw .random(error)
            }
            try seal(
                cpNumber: cpNumber, controlWords: controlWords, accessCriteria: accessCriteria, time: time,
                filler: UnsafeRawBufferPointer(filler), into: output)
        }
    }
}
