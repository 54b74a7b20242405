/// data_type of an EMMG⇔MUX stream (ETSI TS 103 197). Other codes are DVB reserved and kept as
/// they are.
public struct EMMGDataType: RawRepresentable, Hashable, Sendable {
    /// The one-byte code on the wire.
    public var rawValue: UInt8

    /// The data type with this code.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// 0x00: EMMs.
    public static let emm = Self(rawValue: 0x00)
    /// 0x01: private data.
    public static let privateData = Self(rawValue: 0x01)
    /// 0x02: DVB reserved (ECMs).
    public static let ecm = Self(rawValue: 0x02)
}
