/// A parameter_type of the ECMG⇔SCS interface's catalogue (ETSI TS 103 197). Unknown codes are
/// representable so that a decoder can name them in its error.
public struct ECMGParameterType: SimulCryptParameterType {
    /// The two-byte code on the wire.
    public var rawValue: UInt16

    /// The parameter type with this code.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// 0x0001 super_CAS_id (4 bytes).
    public static let superCASID = Self(rawValue: 0x0001)
    /// 0x0002 section_TSpkt_flag (1 byte).
    public static let sectionTSpktFlag = Self(rawValue: 0x0002)
    /// 0x0003 delay_start (2 bytes, signed).
    public static let delayStart = Self(rawValue: 0x0003)
    /// 0x0004 delay_stop (2 bytes, signed).
    public static let delayStop = Self(rawValue: 0x0004)
    /// 0x0005 transition_delay_start (2 bytes, signed).
    public static let transitionDelayStart = Self(rawValue: 0x0005)
    /// 0x0006 transition_delay_stop (2 bytes, signed).
    public static let transitionDelayStop = Self(rawValue: 0x0006)
    /// 0x0007 ECM_rep_period (2 bytes).
    public static let ecmRepPeriod = Self(rawValue: 0x0007)
    /// 0x0008 max_streams (2 bytes).
    public static let maxStreams = Self(rawValue: 0x0008)
    /// 0x0009 min_CP_duration (2 bytes).
    public static let minCPDuration = Self(rawValue: 0x0009)
    /// 0x000A lead_CW (1 byte).
    public static let leadCW = Self(rawValue: 0x000A)
    /// 0x000B CW_per_msg (1 byte).
    public static let cwPerMessage = Self(rawValue: 0x000B)
    /// 0x000C max_comp_time (2 bytes).
    public static let maxCompTime = Self(rawValue: 0x000C)
    /// 0x000D access_criteria (variable).
    public static let accessCriteria = Self(rawValue: 0x000D)
    /// 0x000E ECM_channel_id (2 bytes).
    public static let ecmChannelID = Self(rawValue: 0x000E)
    /// 0x000F ECM_stream_id (2 bytes).
    public static let ecmStreamID = Self(rawValue: 0x000F)
    /// 0x0010 nominal_CP_duration (2 bytes).
    public static let nominalCPDuration = Self(rawValue: 0x0010)
    /// 0x0011 access_criteria_transfer_mode (1 byte).
    public static let accessCriteriaTransferMode = Self(rawValue: 0x0011)
    /// 0x0012 CP_number (2 bytes).
    public static let cpNumber = Self(rawValue: 0x0012)
    /// 0x0013 CP_duration (2 bytes).
    public static let cpDuration = Self(rawValue: 0x0013)
    /// 0x0014 CP_CW_combination (2 bytes CP + CW).
    public static let cpCWCombination = Self(rawValue: 0x0014)
    /// 0x0015 ECM_datagram (variable).
    public static let ecmDatagram = Self(rawValue: 0x0015)
    /// 0x0016 AC_delay_start (2 bytes, signed).
    public static let acDelayStart = Self(rawValue: 0x0016)
    /// 0x0017 AC_delay_stop (2 bytes, signed).
    public static let acDelayStop = Self(rawValue: 0x0017)
    /// 0x0018 CW_encryption (variable).
    public static let cwEncryption = Self(rawValue: 0x0018)
    /// 0x0019 ECM_id (2 bytes).
    public static let ecmID = Self(rawValue: 0x0019)
    /// 0x7000 error_status (2 bytes).
    public static let errorStatus = Self(rawValue: 0x7000)
    /// 0x7001 error_information (variable).
    public static let errorInformation = Self(rawValue: 0x7001)

    /// The standard's name of the parameter, or `nil` for a code the catalogue does not define.
    public var name: String? {
        switch rawValue {
        case 0x0001: "super_CAS_id"
        case 0x0002: "section_TSpkt_flag"
        case 0x0003: "delay_start"
        case 0x0004: "delay_stop"
        case 0x0005: "transition_delay_start"
        case 0x0006: "transition_delay_stop"
        case 0x0007: "ECM_rep_period"
        case 0x0008: "max_streams"
        case 0x0009: "min_CP_duration"
        case 0x000A: "lead_CW"
        case 0x000B: "CW_per_msg"
        case 0x000C: "max_comp_time"
        case 0x000D: "access_criteria"
        case 0x000E: "ECM_channel_id"
        case 0x000F: "ECM_stream_id"
        case 0x0010: "nominal_CP_duration"
        case 0x0011: "access_criteria_transfer_mode"
        case 0x0012: "CP_number"
        case 0x0013: "CP_duration"
        case 0x0014: "CP_CW_combination"
        case 0x0015: "ECM_datagram"
        case 0x0016: "AC_delay_start"
        case 0x0017: "AC_delay_stop"
        case 0x0018: "CW_encryption"
        case 0x0019: "ECM_id"
        case 0x7000: "error_status"
        case 0x7001: "error_information"
        default: nil
        }
    }

    public var isKnown: Bool { (0x0001...0x0019).contains(rawValue) || rawValue == 0x7000 || rawValue == 0x7001 }

    public var description: String {
        hex(rawValue) + (name.map { " \($0)" } ?? "")
    }
}
