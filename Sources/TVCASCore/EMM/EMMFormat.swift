/// The fixed parts of a "subscription add" EMM (formats.md §2).
///
/// ```
/// 0       table_id 0x82
/// 1..2    0x70 0x3B   section_length 59
/// 3..5    00 00 00
/// 6..9    card serial (the card's unique address)
/// 10..11  0x70 0x32   nano tag, nano length 50
/// 12..13  0x64 0x10   key id
/// 14..61  3DES(plaintext) with the card's own key, 48 bytes
/// ```
/// Plaintext: serial (4), access criteria (4), start (4), finish + 1 (4), Conax start (2), Conax
/// finish (2), pair flag, protect flag, 0x00, checksum 1, filler (23, from MD5), checksum 2.
public enum EMMFormat {
    /// Bytes in an EMM datagram.
    public static let datagramLength = 62
    /// Bytes in the encrypted plaintext.
    public static let plaintextLength = 48
    /// The EMM table id.
    public static let tableID: UInt8 = 0x82
    /// Bytes 0–5 of every EMM.
    public static let headerStart: [UInt8] = [0x82, 0x70, 0x3B, 0x00, 0x00, 0x00]
    /// Bytes 10–13 of every EMM.
    public static let headerEnd: [UInt8] = [0x70, 0x32, 0x64, 0x10]
    /// Offset of the serial in the datagram.
    public static let serialOffset = 6
    /// Offset of the ciphertext in the datagram.
    public static let ciphertextOffset = 14

    /// Plaintext offsets.
    enum Offset {
        static let serial = 0
        static let accessCriteria = 4
        static let start = 8
        static let finishPlusOne = 12
        static let conaxStart = 16
        static let conaxFinish = 18
        static let pair = 20
        static let protect = 21
        static let reserved = 22
        static let checksum1 = 23
        static let filler = 24
        static let checksum2 = 47
    }
}
