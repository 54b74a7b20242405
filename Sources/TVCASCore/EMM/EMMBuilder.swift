/// Builds "subscription add" EMMs, one card at a time, as the EMMG cycles through the cards
/// (formats.md §2).
///
/// An EMM is deterministic: the same card row and zone always give the same bytes. The only
/// zone-dependent parts are the two Conax dates. Each EMM costs one 48-byte encryption and two
/// MD5s, and no Swift allocation beyond its output (none with ``build(for:key:into:)``); OpenSSL 3.0
/// itself allocates its MD5 state once per digest.
///
/// ```swift
/// let builder = EMMBuilder(zone: try ConaxTimeZone("Europe/Moscow"))
/// let emm = try builder.build(for: subscription, key: try CardKey(hex: row.key))
/// ```
public struct EMMBuilder: Sendable {
    /// The zone the Conax dates are taken in.
    public let zone: ConaxTimeZone
    /// The reusable MD5 context of this builder.
    private let md5Contexts = MD5.contextCache()
    /// The reusable 3DES context of this builder, keyed anew for each card.
    private let cipherContexts = TripleDES.keylessContextCache()

    /// A builder taking Conax dates in `zone`.
    public init(zone: ConaxTimeZone) { self.zone = zone }

    /// Writes the 62-byte EMM for `subscription`, encrypted with the card's `key`, into `output`
    /// (which must hold at least 62 bytes).
    public func build(for subscription: CardSubscription, key: CardKey, into output: UnsafeMutableRawBufferPointer) throws(EMMError) {
        precondition(output.count >= EMMFormat.datagramLength, "EMM output buffer needs 62 bytes")
        let conaxStart = ConaxDate(time: Int64(subscription.start), in: zone)
        let conaxFinish = ConaxDate(time: Int64(subscription.finish), in: zone)
        let result: Result<Void, EMMError> = withUnsafeTemporaryAllocation(byteCount: 64 + 16, alignment: 8) { scratch in
            let plain = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<EMMFormat.plaintextLength])
            plain.storeBigEndian(subscription.serial.rawValue, at: EMMFormat.Offset.serial)
            plain.storeBigEndian(subscription.accessCriteria.rawValue, at: EMMFormat.Offset.accessCriteria)
            plain.storeBigEndian(subscription.start, at: EMMFormat.Offset.start)
            plain.storeBigEndian(subscription.finish &+ 1, at: EMMFormat.Offset.finishPlusOne)
            plain.storeBigEndian(conaxStart.emmValue, at: EMMFormat.Offset.conaxStart)
            plain.storeBigEndian(conaxFinish.emmValue, at: EMMFormat.Offset.conaxFinish)
            plain[EMMFormat.Offset.pair] = subscription.emmPairFlag
            plain[EMMFormat.Offset.protect] = subscription.protectFlag
            plain[EMMFormat.Offset.reserved] = 0
            let checksum1 = Checksum.sum(UnsafeRawBufferPointer(plain), 0..<EMMFormat.Offset.checksum1)
            plain[EMMFormat.Offset.checksum1] = checksum1
            // Filler: MD5(dec(start) ‖ dec(csum1)) then the first 7 bytes of MD5(dec(finish) ‖ dec(csum1)).
            let text = UnsafeMutableRawBufferPointer(rebasing: scratch[EMMFormat.plaintextLength..<EMMFormat.plaintextLength + 16])
            let secondDigest = UnsafeMutableRawBufferPointer(rebasing: scratch[64..<80])
            var end = DecimalText.write(subscription.start, into: text, at: 0)
            end = DecimalText.write(UInt32(checksum1), into: text, at: end)
            MD5.digest(UnsafeRawBufferPointer(rebasing: text[0..<end]), into: plain.baseAddress! + EMMFormat.Offset.filler, contexts: md5Contexts)
            end = DecimalText.write(subscription.finish, into: text, at: 0)
            end = DecimalText.write(UInt32(checksum1), into: text, at: end)
            MD5.digest(UnsafeRawBufferPointer(rebasing: text[0..<end]), into: secondDigest.baseAddress!, contexts: md5Contexts)
            for index in 0..<7 { plain[EMMFormat.Offset.filler + 16 + index] = secondDigest[index] }
            plain[EMMFormat.Offset.checksum2] = Checksum.sum(UnsafeRawBufferPointer(plain), 0..<EMMFormat.Offset.checksum2)

            for (index, byte) in EMMFormat.headerStart.enumerated() { output[index] = byte }
            output.storeBigEndian(subscription.serial.rawValue, at: EMMFormat.serialOffset)
            for (index, byte) in EMMFormat.headerEnd.enumerated() { output[EMMFormat.serialOffset + 4 + index] = byte }
            let ciphertext = UnsafeMutableRawBufferPointer(rebasing: output[EMMFormat.ciphertextOffset..<EMMFormat.datagramLength])
            do throws(TripleDESError) {
                try TripleDES.transform(
                    UnsafeRawBufferPointer(plain), into: ciphertext, encrypt: true, key: key.cipher, using: cipherContexts)
            } catch {
                return .failure(.cipher(error))
            }
            return .success(())
        }
        try result.get()
    }

    /// The 62-byte EMM as a new array; see ``build(for:key:into:)``.
    public func build(for subscription: CardSubscription, key: CardKey) throws(EMMError) -> [UInt8] {
        var failure: EMMError?
        let datagram = [UInt8](unsafeUninitializedCapacity: EMMFormat.datagramLength) { buffer, count in
            do throws(EMMError) {
                try build(for: subscription, key: key, into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
            }
            count = EMMFormat.datagramLength
        }
        if let failure { throw failure }
        return datagram
    }
}
