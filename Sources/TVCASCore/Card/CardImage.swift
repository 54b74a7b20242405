/// A card as its 90-byte `.bin` programs it (formats.md §4): the identity the firmware keeps in
/// RAM (serial, addresses, operator name) and the factory record its first power-up writes to flash.
public struct CardImage: Sendable, Hashable {
    /// The `.bin` size in bytes.
    public static let size = 90

    /// The card serial (unique address), `SN[0..3]`.
    public var serial: UInt32
    /// `UA[0]`: the CAID low byte the card reports (from the configured ident).
    public var caidLowByte: UInt8
    /// `UA[1..3]`: the shared address (first bytes of MD5 of the ECM key text).
    public var sharedAddress: [UInt8]
    /// `OP[0..14]`: the operator name shown by the subscription info, 15 bytes.
    public var operatorName: [UInt8]
    /// Subscription start (epoch), ROM[0..3].
    public var start: UInt32
    /// Subscription finish (epoch, exclusive), ROM[4..7].
    public var finish: UInt32
    /// Access criteria, ROM[8..11].
    public var accessCriteria: UInt32
    /// Conax date of the start, ROM[12..13].
    public var conaxStart: UInt16
    /// Conax date of the finish, ROM[14..15].
    public var conaxFinish: UInt16
    /// Pairing flag, ROM[16] (1 when the card's `pair` is not 0).
    public var pairing: UInt8
    /// Protect flag, ROM[21] (1 when the card's `type` is 1).
    public var protect: UInt8
    /// Reserved byte, ROM[22].
    public var reserved: UInt8
    /// The 32-byte ECM key, ROM[32..63]: even half first, then odd.
    public var ecmKey: [UInt8]
    /// The card's 16-byte EMM key, ROM[64..79].
    public var emmKey: [UInt8]

    /// A card image from its fields; byte arrays must have the lengths documented on each property.
    public init(
        serial: UInt32,
        caidLowByte: UInt8 = 0,
        sharedAddress: [UInt8] = [0, 0, 0],
        operatorName: [UInt8] = Array("TVCAS.COM      ".utf8),
        start: UInt32,
        finish: UInt32,
        accessCriteria: UInt32,
        conaxStart: UInt16 = 0,
        conaxFinish: UInt16 = 0,
        pairing: UInt8 = 0,
        protect: UInt8 = 0,
        reserved: UInt8 = 0,
        ecmKey: [UInt8],
        emmKey: [UInt8]
    ) throws(CardImageError) {
        guard sharedAddress.count == 3 else { throw .badFieldLength(field: "shared address", expected: 3, got: sharedAddress.count) }
        guard operatorName.count == 15 else { throw .badFieldLength(field: "operator name", expected: 15, got: operatorName.count) }
        guard ecmKey.count == 32 else { throw .badFieldLength(field: "ECM key", expected: 32, got: ecmKey.count) }
        guard emmKey.count == 16 else { throw .badFieldLength(field: "EMM key", expected: 16, got: emmKey.count) }
        self.serial = serial
        self.caidLowByte = caidLowByte
        self.sharedAddress = sharedAddress
        self.operatorName = operatorName
        self.start = start
        self.finish = finish
        self.accessCriteria = accessCriteria
        self.conaxStart = conaxStart
        self.conaxFinish = conaxFinish
        self.pairing = pairing
        self.protect = protect
        self.reserved = reserved
        self.ecmKey = ecmKey
        self.emmKey = emmKey
    }

    /// Reads a 90-byte `.bin`.
    public init(bin: some Collection<UInt8>) throws(CardImageError) {
        let b = Array(bin)
        guard b.count == Self.size else { throw .badLength(b.count) }
        func word(_ offset: Int) -> UInt32 { b[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        func half(_ offset: Int) -> UInt16 { UInt16(b[offset]) << 8 | UInt16(b[offset + 1]) }
        try self.init(
            serial: word(0), caidLowByte: b[4], sharedAddress: Array(b[5..<8]), operatorName: Array(b[8..<23]),
            start: word(23), finish: word(27), accessCriteria: word(31), conaxStart: half(35), conaxFinish: half(37),
            pairing: b[39], protect: b[40], reserved: b[41], ecmKey: Array(b[42..<74]), emmKey: Array(b[74..<90]))
    }

    /// The 90 `.bin` bytes for these fields.
    public var bin: [UInt8] {
        var b = [UInt8]()
        b.reserveCapacity(Self.size)
        func word(_ value: UInt32) { for shift in stride(from: 24, through: 0, by: -8) { b.append(UInt8(truncatingIfNeeded: value >> shift)) } }
        func half(_ value: UInt16) { b.append(UInt8(value >> 8)); b.append(UInt8(truncatingIfNeeded: value)) }
        word(serial)
        b.append(caidLowByte)
        b += sharedAddress
        b += operatorName
        word(start)
        word(finish)
        word(accessCriteria)
        half(conaxStart)
        half(conaxFinish)
        b += [pairing, protect, reserved]
        b += ecmKey
        b += emmKey
        return b
    }

    /// `SN[0..3]`: the serial's four bytes.
    public var serialBytes: [UInt8] {
        [UInt8(serial >> 24), UInt8(truncatingIfNeeded: serial >> 16), UInt8(truncatingIfNeeded: serial >> 8), UInt8(truncatingIfNeeded: serial)]
    }

    /// `UA[0..3]` as programmed: the CAID low byte, then the shared address.
    public var addressBytes: [UInt8] { [caidLowByte] + sharedAddress }

    /// The record the first power-up copies into blank flash: the `.bin` fields patched into the
    /// firmware's defaults (CAM bytes and counters 0, last EMM checksums FF FF, unlocked, maturity
    /// rating 02, PIN "1234").
    public var factoryRecord: CardRecord {
        var record = CardRecord(uncheckedBytes: [UInt8](repeating: 0, count: CardRecord.size))
        record.start = start
        record.finish = finish
        record.accessCriteria = accessCriteria
        record.conaxStart = conaxStart
        record.conaxFinish = conaxFinish
        record.pairing = pairing
        record.protect = protect
        record.reserved = reserved
        record.lastEMMComputedChecksum = 0xFF
        record.lastEMMReceivedChecksum = 0xFF
        record.replace(32..<64, with: ecmKey)
        record.replace(64..<80, with: emmKey)
        record.maturityRating = 0x02
        record.pin = Array("1234".utf8)
        return record
    }
}

/// Why bytes could not be taken as a card image.
public enum CardImageError: Error, Equatable, CustomStringConvertible {
    /// The `.bin` was not 90 bytes; the associated value is the length given.
    case badLength(Int)
    /// A field given to ``CardImage/init(serial:caidLowByte:sharedAddress:operatorName:start:finish:accessCriteria:conaxStart:conaxFinish:pairing:protect:reserved:ecmKey:emmKey:)``
    /// had the wrong number of bytes.
    case badFieldLength(field: String, expected: Int, got: Int)

    public var description: String {
        switch self {
        case .badLength(let count): "a card .bin must be \(CardImage.size) bytes, got \(count)"
        case .badFieldLength(let field, let expected, let got): "the card's \(field) must be \(expected) bytes, got \(got)"
        }
    }
}
