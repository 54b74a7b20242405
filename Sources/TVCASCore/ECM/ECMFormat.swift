/// The fixed parts of an ECM datagram (formats.md §1).
///
/// ```
/// 0      table_id 0x80 (even crypto period) / 0x81 (odd)
/// 1..2   0x70 0x34   section_length 52
/// 3..4   0x70 0x32   nano tag, nano length 50
/// 5..6   0x64 0x21   key/provider id
/// 7..54  3DES(plaintext), 48 bytes
/// ```
/// Plaintext: time (4), odd CW (8), even CW (8), access criteria (4), filler (23), checksum (1).
public enum ECMFormat {
    /// Bytes in an ECM datagram.
    public static let datagramLength = 55
    /// Bytes in the encrypted plaintext.
    public static let plaintextLength = 48
    /// Random filler bytes in the plaintext.
    public static let fillerLength = 23
    /// `table_id` of an ECM for an even crypto period (encrypted with the key's first half).
    public static let evenTableID: UInt8 = 0x80
    /// `table_id` of an ECM for an odd crypto period (encrypted with the key's second half).
    public static let oddTableID: UInt8 = 0x81
    /// Bytes 1–6 of every ECM.
    public static let headerTail: [UInt8] = [0x70, 0x34, 0x70, 0x32, 0x64, 0x21]
    /// Offset of the ciphertext in the datagram.
    public static let ciphertextOffset = 7

    /// Plaintext offsets.
    enum Offset {
        static let time = 0
        static let oddControlWord = 4
        static let evenControlWord = 12
        static let accessCriteria = 20
        static let filler = 24
        static let checksum = 47
    }

    /// The table id for a crypto period number: 0x80 when even, 0x81 when odd.
    public static func tableID(cpNumber: UInt16) -> UInt8 { cpNumber & 1 == 0 ? evenTableID : oddTableID }
}
