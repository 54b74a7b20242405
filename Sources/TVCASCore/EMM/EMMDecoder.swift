/// Decrypts and splits EMM datagrams addressed to one card.
public struct EMMDecoder: Sendable {
    /// The card's key.
    public let key: CardKey

    /// A decoder for EMMs encrypted with `key`.
    public init(key: CardKey) { self.key = key }

    /// The fields of `datagram`. Wrong checksums are not errors: they are reported in
    /// ``DecodedEMM/checksum1OK`` and ``DecodedEMM/checksum2OK``.
    public func decode(_ datagram: some Collection<UInt8>) throws(EMMDecodeError) -> DecodedEMM {
        let bytes = Array(datagram)
        guard bytes.count == EMMFormat.datagramLength else { throw .badLength(bytes.count) }
        for (index, expected) in EMMFormat.headerStart.enumerated() where bytes[index] != expected {
            throw .badHeader(offset: index, found: bytes[index], expected: expected)
        }
        for (index, expected) in EMMFormat.headerEnd.enumerated() where bytes[EMMFormat.serialOffset + 4 + index] != expected {
            throw .badHeader(offset: EMMFormat.serialOffset + 4 + index, found: bytes[EMMFormat.serialOffset + 4 + index], expected: expected)
        }
        let plain: [UInt8]
        do {
            plain = try key.cipher.decrypt(bytes[EMMFormat.ciphertextOffset...])
        } catch {
            throw .cipher(error)
        }
        let headerSerial = bytes.withUnsafeBytes { $0.loadBigEndian(at: EMMFormat.serialOffset, as: UInt32.self) }
        return plain.withUnsafeBytes { raw in
            let checksum1 = raw[EMMFormat.Offset.checksum1]
            let checksum2 = raw[EMMFormat.Offset.checksum2]
            return DecodedEMM(
                headerSerial: CardSerial(rawValue: headerSerial),
                serial: CardSerial(rawValue: raw.loadBigEndian(at: EMMFormat.Offset.serial, as: UInt32.self)),
                accessCriteria: AccessCriteria(rawValue: raw.loadBigEndian(at: EMMFormat.Offset.accessCriteria, as: UInt32.self)),
                start: raw.loadBigEndian(at: EMMFormat.Offset.start, as: UInt32.self),
                finishPlusOne: raw.loadBigEndian(at: EMMFormat.Offset.finishPlusOne, as: UInt32.self),
                conaxStart: raw.loadBigEndian(at: EMMFormat.Offset.conaxStart, as: UInt16.self),
                conaxFinish: raw.loadBigEndian(at: EMMFormat.Offset.conaxFinish, as: UInt16.self),
                pair: raw[EMMFormat.Offset.pair],
                type: raw[EMMFormat.Offset.protect],
                reserved: raw[EMMFormat.Offset.reserved],
                checksum1: checksum1,
                checksum1OK: checksum1 == Checksum.sum(raw, 0..<EMMFormat.Offset.checksum1),
                filler: Array(plain[EMMFormat.Offset.filler..<EMMFormat.Offset.checksum2]),
                checksum2: checksum2,
                checksum2OK: checksum2 == Checksum.sum(raw, 0..<EMMFormat.Offset.checksum2)
            )
        }
    }
}
