/// The two SimulCrypt interfaces this library speaks (ETSI TS 103 197).
///
/// Each has its own message types, parameter catalogue and error_status numbering.
public enum SimulCryptInterface: Hashable, Sendable, CustomStringConvertible {
    /// ECMG⇔SCS: the SCS (client) asks the ECMG (server) for ECMs.
    case ecmgSCS
    /// EMMG⇔MUX: the EMMG (client) feeds EMMs to the multiplexer (server).
    case emmgMUX

    /// The protocol versions of the interface we understand: 1–3 on ECMG⇔SCS, 1–5 on EMMG⇔MUX.
    public var supportedProtocolVersions: ClosedRange<UInt8> {
        switch self {
        case .ecmgSCS: 1...3
        case .emmgMUX: 1...5
        }
    }

    /// The interface a message type belongs to; `nil` for a type neither interface defines.
    public static func of(messageType: UInt16) -> SimulCryptInterface? {
        if ECMGMessageType(rawValue: messageType).isKnown { return .ecmgSCS }
        if EMMGMessageType(rawValue: messageType).isKnown { return .emmgMUX }
        return nil
    }

    public var description: String {
        switch self {
        case .ecmgSCS: "ECMG⇔SCS"
        case .emmgMUX: "EMMG⇔MUX"
        }
    }
}
