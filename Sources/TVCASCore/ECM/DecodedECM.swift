/// The fields of a decrypted ECM (`tvcas ecm decode`, the virtual card's checks).
public struct DecodedECM: Equatable, Sendable {
    /// 0x80 (even crypto period) or 0x81 (odd).
    public var tableID: UInt8
    /// The ECMG's time, Unix seconds.
    public var time: UInt32
    /// The odd control word (plaintext bytes 4–11; the card's CW index 1).
    public var oddControlWord: ControlWord
    /// The even control word (plaintext bytes 12–19; the card's CW index 0).
    public var evenControlWord: ControlWord
    /// The access criteria the channel needs.
    public var accessCriteria: AccessCriteria
    /// The 23 filler bytes.
    public var filler: [UInt8]
    /// The checksum byte as received.
    public var checksum: UInt8
    /// Whether the checksum byte equals the sum of the 47 bytes before it.
    public var checksumOK: Bool
}
