import TVCASCore

/// ECM and EMM datagrams laid out as formats.md §1–§2 describes, for tests of the card.
enum TestDatagrams {
    /// A 55-byte ECM: `table 70 34 70 32 64 21 ‖ 3DES(time, odd CW, even CW, AC, filler, checksum)`.
    /// `key` is the 16-byte key to encrypt with (normally the half that matches the table id).
    static func ecm(
        table: UInt8, key: [UInt8], time: UInt32, odd: [UInt8], even: [UInt8], accessCriteria: UInt32, filler: [UInt8],
        checksumDelta: UInt8 = 0
    ) throws -> [UInt8] {
        var plain = word(time) + odd + even + word(accessCriteria) + filler
        plain.append(plain.reduce(0, &+) &+ checksumDelta)
        return [table, 0x70, 0x34, 0x70, 0x32, 0x64, 0x21] + (try TripleDES(key: key).encrypt(plain))
    }

    /// The plaintext of an EMM "subscription add".
    static func emmPlaintext(
        serial: UInt32, accessCriteria: UInt32, start: UInt32, storedFinish: UInt32, conaxStart: UInt16, conaxFinish: UInt16,
        pairing: UInt8, protect: UInt8, filler: [UInt8], checksumDelta: UInt8 = 0
    ) -> [UInt8] {
        var plain = word(serial) + word(accessCriteria) + word(start) + word(storedFinish)
        plain += [UInt8(conaxStart >> 8), UInt8(conaxStart & 0xFF), UInt8(conaxFinish >> 8), UInt8(conaxFinish & 0xFF)]
        plain += [pairing, protect, 0]
        plain.append(plain.reduce(0, &+))
        plain += filler
        plain.append(plain.reduce(0, &+) &+ checksumDelta)
        return plain
    }

    /// A 62-byte EMM: `82 70 3B 00 00 00 address 70 32 64 10 ‖ 3DES(plaintext)`.
    static func emm(address: UInt32, plaintext: [UInt8], key: [UInt8]) throws -> [UInt8] {
        [0x82, 0x70, 0x3B, 0x00, 0x00, 0x00] + word(address) + [0x70, 0x32, 0x64, 0x10] + (try TripleDES(key: key).encrypt(plaintext))
    }

    static func word(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
