/// The card's persistent record: the 85 bytes the firmware keeps in flash at 0x7000 (card.md §6).
///
/// Every ECM and every EMM for the card rewrites it; PIN commands too. It is the only state that
/// survives a power cycle, so it is what a `--state` file keeps between runs. The firmware calls
/// it "ROM"; offsets below are the spec's ROM offsets.
public struct CardRecord: Sendable, Hashable {
    /// The record's size in bytes.
    public static let size = 85

    /// The raw record, exactly `CardRecord.size` bytes.
    public private(set) var bytes: [UInt8]

    /// A record as erased flash reads (every byte 0xFF); the first power-up replaces it with the
    /// factory record.
    public static let erased = CardRecord(uncheckedBytes: [UInt8](repeating: 0xFF, count: size))

    /// Wraps 85 bytes read back from a card or a state file.
    public init(bytes: some Collection<UInt8>) throws(CardRecordError) {
        let array = Array(bytes)
        guard array.count == Self.size else { throw .badLength(array.count) }
        self.bytes = array
    }

    init(uncheckedBytes: [UInt8]) {
        precondition(uncheckedBytes.count == Self.size)
        bytes = uncheckedBytes
    }

    /// Whether the firmware treats this flash as blank: byte 0 reads 0xFF. A power-up then copies
    /// the factory record in (this also happens if an EMM ever stores a start epoch ≥ 0xFF000000).
    public var isBlank: Bool { bytes[0] == 0xFF }

    // MARK: Subscription

    /// ROM[0..3]: subscription start (Unix epoch); an ECM must be strictly later.
    public var start: UInt32 {
        get { word(at: 0) }
        set { setWord(newValue, at: 0) }
    }

    /// ROM[4..7]: subscription finish, exclusive (an EMM stores its finish + 1).
    public var finish: UInt32 {
        get { word(at: 4) }
        set { setWord(newValue, at: 4) }
    }

    /// ROM[8..11]: the card's access criteria (package bits).
    public var accessCriteria: UInt32 {
        get { word(at: 8) }
        set { setWord(newValue, at: 8) }
    }

    /// ROM[12..13]: Conax date of the start, as reported by the subscription info.
    public var conaxStart: UInt16 {
        get { half(at: 12) }
        set { setHalf(newValue, at: 12) }
    }

    /// ROM[14..15]: Conax date of the finish.
    public var conaxFinish: UInt16 {
        get { half(at: 14) }
        set { setHalf(newValue, at: 14) }
    }

    // MARK: Pairing

    /// ROM[16]: pairing flag; 0 means off, anything else binds ECMs to ``pairedCAM``.
    public var pairing: UInt8 {
        get { bytes[16] }
        set { bytes[16] = newValue }
    }

    /// ROM[17], ROM[18], ROM[25]: the CAM the card is paired with.
    public var pairedCAM: CAMIdentifier {
        get { CAMIdentifier(bytes[17], bytes[18], bytes[25]) }
        set {
            bytes[17] = newValue.bytes[0]
            bytes[18] = newValue.bytes[1]
            bytes[25] = newValue.bytes[2]
        }
    }

    // MARK: Counters and diagnostics

    /// ROM[19]: EMMs addressed to this card (8 bits, wraps).
    public var emmCounter: UInt8 {
        get { bytes[19] }
        set { bytes[19] = newValue }
    }

    /// ROM[20]: ECMs processed (8 bits, wraps); every ECM counts, accepted or not.
    public var ecmCounter: UInt8 {
        get { bytes[20] }
        set { bytes[20] = newValue }
    }

    /// ROM[21]: the "protect" flag (card type 1).
    public var protect: UInt8 {
        get { bytes[21] }
        set { bytes[21] = newValue }
    }

    /// ROM[22]: reserved.
    public var reserved: UInt8 {
        get { bytes[22] }
        set { bytes[22] = newValue }
    }

    /// ROM[23]: the checksum the card computed over the last EMM addressed to it.
    public var lastEMMComputedChecksum: UInt8 {
        get { bytes[23] }
        set { bytes[23] = newValue }
    }

    /// ROM[24]: the checksum that EMM carried (recorded, never enforced).
    public var lastEMMReceivedChecksum: UInt8 {
        get { bytes[24] }
        set { bytes[24] = newValue }
    }

    // MARK: Anti-sharing

    /// ROM[26]: anti-sharing counter; above 0xF0 the card locks.
    public var antiSharingCounter: UInt8 {
        get { bytes[26] }
        set { bytes[26] = newValue }
    }

    /// ROM[27]: lock state.
    public var lockState: CardLockState {
        get { CardLockState(rawValue: bytes[27]) }
        set { bytes[27] = newValue.rawValue }
    }

    /// ROM[28]: while unlocked, the threshold for the next ECM time's low byte (last one + 5).
    public var antiSharingThreshold: UInt8 {
        get { bytes[28] }
        set { bytes[28] = newValue }
    }

    /// ROM[28..31]: while locked, the ECM time at which the card locked.
    public var lockTime: UInt32 {
        get { word(at: 28) }
        set { setWord(newValue, at: 28) }
    }

    // MARK: Keys

    /// ROM[32..47]: ECM key for table 0x80 (even).
    public var ecmKeyEven: [UInt8] { Array(bytes[32..<48]) }

    /// ROM[48..63]: ECM key for table 0x81 (odd).
    public var ecmKeyOdd: [UInt8] { Array(bytes[48..<64]) }

    /// ROM[64..79]: the card's own EMM key.
    public var emmKey: [UInt8] { Array(bytes[64..<80]) }

    // MARK: Parental control

    /// ROM[80]: maturity rating (01 parental, 02 normal, 04 18+, 08 erotic).
    public var maturityRating: UInt8 {
        get { bytes[80] }
        set { bytes[80] = newValue }
    }

    /// ROM[81..84]: the 4-byte PIN (ASCII digits in the factory record, "1234").
    public var pin: [UInt8] {
        get { Array(bytes[81..<85]) }
        set {
            precondition(newValue.count == 4)
            bytes.replaceSubrange(81..<85, with: newValue)
        }
    }

    /// The 16-byte key the firmware picks for an ECM with this table id (card.md §3, §8.2):
    /// 0x80 and 0x81 their ECM keys, 0x82 the EMM key, anything else the first 16 record bytes.
    public func ecmKey(forTable tableID: UInt8) -> (slot: CardKeySlot, key: [UInt8]) {
        let slot = CardKeySlot(tableID: tableID)
        return (slot, Array(bytes[slot.recordOffset..<slot.recordOffset + 16]))
    }

    // MARK: Byte access

    func word(at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func setWord(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
    }

    func half(at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func setHalf(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    mutating func replace(_ range: Range<Int>, with newBytes: some Collection<UInt8>) {
        precondition(newBytes.count == range.count)
        bytes.replaceSubrange(range, with: newBytes)
    }
}

/// Why bytes could not be taken as a card record.
public enum CardRecordError: Error, Equatable, CustomStringConvertible {
    /// The record was not 85 bytes; the associated value is the length given.
    case badLength(Int)
    /// The record's text form was not hex.
    case notHex

    public var description: String {
        switch self {
        case .badLength(let count): "a card record must be \(CardRecord.size) bytes, got \(count)"
        case .notHex: "a card record must be written as \(CardRecord.size * 2) hex digits"
        }
    }
}
