/// Decrypts and splits ECM datagrams made with one ECM key.
public struct ECMDecoder: Sendable {
    /// The ECM key.
    public let key: ECMKey
    private let even: TripleDES
    private let odd: TripleDES

    /// A decoder for `key`.
    public init(key: ECMKey) {
        self.key = key
        even = try! TripleDES(key: key.evenHalf)
        odd = try! TripleDES(key: key.oddHalf)
    }

    /// The fields of `datagram`, decrypted with the key half its table id names.
    ///
    /// A wrong checksum is not an error: it is reported in ``DecodedECM/checksumOK``.
    public func decode(_ datagram: some Collection<UInt8>) throws(ECMDecodeError) -> DecodedECM {
        let bytes = Array(datagram)
        guard bytes.count == ECMFormat.datagramLength else { throw .badLength(bytes.count) }
        let tableID = bytes[0]
        guard tableID == ECMFormat.evenTableID || tableID == ECMFormat.oddTableID else { throw .badTableID(tableID) }
        for (index, expected) in ECMFormat.headerTail.enumerated() where bytes[1 + index] != expected {
            throw .badHeader(offset: 1 + index, found: bytes[1 + index], expected: expected)
        }
        let cipher = tableID == ECMFormat.oddTableID ? odd : even
        let plain: [UInt8]
        do {
            plain = try cipher.decrypt(bytes[ECMFormat.ciphertextOffset...])
        } catch {
            throw .cipher(error)
        }
        return plain.withUnsafeBytes { raw in
            let checksum = raw[ECMFormat.Offset.checksum]
            return DecodedECM(
                tableID: tableID,
                time: raw.loadBigEndian(at: ECMFormat.Offset.time, as: UInt32.self),
                oddControlWord: ControlWord(rawValue: raw.loadBigEndian(at: ECMFormat.Offset.oddControlWord, as: UInt64.self)),
                evenControlWord: ControlWord(rawValue: raw.loadBigEndian(at: ECMFormat.Offset.evenControlWord, as: UInt64.self)),
                accessCriteria: AccessCriteria(rawValue: raw.loadBigEndian(at: ECMFormat.Offset.accessCriteria, as: UInt32.self)),
                filler: Array(plain[ECMFormat.Offset.filler..<ECMFormat.Offset.checksum]),
                checksum: checksum,
                checksumOK: checksum == Checksum.sum(raw, 0..<ECMFormat.Offset.checksum)
            )
        }
    }
}
