/// A parameter_type of the EMMG⇔MUX interface's catalogue (ETSI TS 103 197). Unknown codes are
/// representable so that a decoder can name them in its error.
public struct EMMGParameterType: SimulCryptParameterType {
    /// The two-byte code on the wire.
    public var rawValue: UInt16

    /// The parameter type with this code.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 0x0001 client_id (4 bytes).
    public static let clientID = Self(rawValue: 0x0001)
    /// 0x0002 section_TSpkt_flag (1 byte).
    public static let sectionTSpktFlag = Self(rawValue: 0x0002)
    /// 0x0003 data_channel_id (2 bytes).
    public static let dataChannelID = Self(rawValue: 0x0003)
    /// 0x0004 data_stream_id (2 bytes).
    public static let dataStreamID = Self(rawValue: 0x0004)
    /// 0x0005 datagram (variable).
    public static let datagram = Self(rawValue: 0x0005)
    /// 0x0006 bandwidth (2 bytes, kbit/s).
    public static let bandwidth = Self(rawValue: 0x0006)
    /// 0x0007 data_type (1 byte).
    public static let dataType = Self(rawValue: 0x0007)
    /// 0x0008 data_id (2 bytes).
    public static let dataID = Self(rawValue: 0x0008)
    /// 0x7000 error_status (2 bytes).
    public static let errorStatus = Self(rawValue: 0x7000)
    /// 0x7001 error_information (variable).
    public static let errorInformation = Self(rawValue: 0x7001)

    /// The standard's name of the parameter, or `nil` for a code the catalogue does not define.
    public var name: String? {
        switch rawValue {
        case 0x0001: "client_id"
        case 0x0002: "section_TSpkt_flag"
        case 0x0003: "data_channel_id"
        case 0x0004: "data_stream_id"
        case 0x0005: "datagram"
        case 0x0006: "bandwidth"
        case 0x0007: "data_type"
        case 0x0008: "data_id"
        case 0x7000: "error_status"
        case 0x7001: "error_information"
        default: nil
        }
    }

    public var isKnown: Bool { (0x0001...0x0008).contains(rawValue) || rawValue == 0x7000 || rawValue == 0x7001 }

    public var description: String {
        hex(rawValue) + (name.map { " \($0)" } ?? "")
    }
}
