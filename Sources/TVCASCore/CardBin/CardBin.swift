/// A card's 90-byte firmware record (`.bin`), which the card programming tool patches into the
/// firmware (formats.md §4).
///
/// ```
/// 0..3    serial               42..73  ECM key (32 bytes)
/// 4       ident byte (UA[0])   74..89  card key (16 bytes)
/// 5..7    MD5(ECM key text)[0..2]
/// 8..22   trademark, 15 bytes UTF-8, space-padded
/// 23..26  start   27..30 finish (no +1)   31..34 access criteria
/// 35..36  Conax start   37..38 Conax finish   (first two bytes of the `%04X` text)
/// 39      pair != 0     40 type == 1   41 0x00
/// ```
public struct CardBin: Hashable, Sendable {
    /// Bytes in a `.bin`.
    public static let length = 90
    /// Bytes of the trademark field.
    public static let trademarkLength = 15

    /// The 90 bytes.
    public let bytes: [UInt8]
    /// The card's serial.
    public let serial: CardSerial

    /// The `.bin` of a card.
    public init(card: CardSubscription, key: CardKey, settings: CardBinSettings) {
        serial = card.serial
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.length)
        func append<T: FixedWidthInteger>(bigEndian value: T) {
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }
        append(bigEndian: card.serial.rawValue)
        bytes.append(settings.ident.uniqueAddressByte)
        bytes.append(contentsOf: MD5.digest(Array(settings.ecmKey.text.utf8)).prefix(3))
        let trademark = Array(settings.trademark.utf8.prefix(Self.trademarkLength))
        bytes.append(contentsOf: trademark)
        bytes.append(contentsOf: repeatElement(0x20, count: Self.trademarkLength - trademark.count))
        append(bigEndian: card.start)
        append(bigEndian: card.finish)
        append(bigEndian: card.accessCriteria.rawValue)
        for date in [ConaxDate(time: Int64(card.start), in: settings.zone), ConaxDate(time: Int64(card.finish), in: settings.zone)] {
            let (first, second) = date.binBytes
            bytes.append(first)
            bytes.append(second)
        }
        bytes.append(card.binPairFlag)
        bytes.append(card.protectFlag)
        bytes.append(0)
        bytes.append(contentsOf: settings.ecmKey.bytes)
        bytes.append(contentsOf: key.bytes)
        assert(bytes.count == Self.length)
        self.bytes = bytes
    }

    /// The file name: ``fileName(serial:)`` of the card's serial.
    public var fileName: String { Self.fileName(serial: serial) }

    /// The decimal serial in groups of three digits from the left joined by `-`, plus `.bin`
    /// (2100000005 → `210-000-000-5.bin`).
    public static func fileName(serial: CardSerial) -> String {
        let digits = Array(String(serial.rawValue))
        let groups = stride(from: 0, to: digits.count, by: 3).map { String(digits[$0..<min($0 + 3, digits.count)]) }
        return groups.joined(separator: "-") + ".bin"
    }
}
