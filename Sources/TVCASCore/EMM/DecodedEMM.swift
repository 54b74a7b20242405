/// The fields of a decrypted "subscription add" EMM (`tvcas emm decode`, the virtual card).
public struct DecodedEMM: Equatable, Sendable {
    /// The serial in the clear header (the card the EMM is addressed to).
    public var headerSerial: CardSerial
    /// The serial inside the plaintext (must equal ``headerSerial``).
    public var serial: CardSerial
    /// The packages granted.
    public var accessCriteria: AccessCriteria
    /// Start of the subscription, Unix seconds.
    public var start: UInt32
    /// The stored end value, which is `finish + 1`.
    public var finishPlusOne: UInt32
    /// The Conax date of the start, as carried (16 bits).
    public var conaxStart: UInt16
    /// The Conax date of the finish, as carried (16 bits).
    public var conaxFinish: UInt16
    /// The pairing byte (1: bind to the first CAM).
    public var pair: UInt8
    /// The anti-sharing byte (1: protect).
    public var type: UInt8
    /// The reserved byte (0 in every EMM the original made).
    public var reserved: UInt8
    /// Checksum 1 as received (over plaintext bytes 0–22).
    public var checksum1: UInt8
    /// Whether checksum 1 is right.
    public var checksum1OK: Bool
    /// The 23 filler bytes.
    public var filler: [UInt8]
    /// Checksum 2 as received (over plaintext bytes 0–46).
    public var checksum2: UInt8
    /// Whether checksum 2 is right.
    public var checksum2OK: Bool

    /// The subscription's end, Unix seconds: the stored value minus one (wrapping, as the EMM wrapped it).
    public var finish: UInt32 { finishPlusOne &- 1 }
}
