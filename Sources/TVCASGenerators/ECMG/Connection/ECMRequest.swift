import SimulCrypt
import TVCASCore

/// A CW_provision the connection state accepted: everything the ECM and its ECM_response need.
public struct ECMRequest: Hashable, Sendable {
    /// protocol_version of the CW_provision, echoed in the ECM_response.
    public var protocolVersion: UInt8
    /// ECM_channel_id.
    public var channelID: UInt16
    /// ECM_stream_id.
    public var streamID: UInt16
    /// CP_number: its parity picks table 0x80/0x81 and the key half.
    public var cpNumber: UInt16
    /// The control word of the crypto period `cpNumber`.
    public var currentControlWord: ControlWord
    /// The control word of the crypto period after it.
    public var nextControlWord: ControlWord
    /// The access criteria: the first 4 bytes of access_criteria, 0 when absent or shorter.
    public var accessCriteria: AccessCriteria
    /// Sections or TS packets, as announced on the channel.
    public var packetMode: SectionTSpktFlag

    /// A request.
    public init(
        protocolVersion: UInt8, channelID: UInt16, streamID: UInt16, cpNumber: UInt16, currentControlWord: ControlWord,
        nextControlWord: ControlWord, accessCriteria: AccessCriteria, packetMode: SectionTSpktFlag
    ) {
        self.protocolVersion = protocolVersion
        self.channelID = channelID
        self.streamID = streamID
        self.cpNumber = cpNumber
        self.currentControlWord = currentControlWord
        self.nextControlWord = nextControlWord
        self.accessCriteria = accessCriteria
        self.packetMode = packetMode
    }

    /// The odd crypto period's control word (the ECM's first CW slot, `cw1` of the CW log).
    public var oddControlWord: ControlWord { cpNumber & 1 == 1 ? currentControlWord : nextControlWord }
    /// The even crypto period's control word (the ECM's second CW slot, `cw2` of the CW log).
    public var evenControlWord: ControlWord { cpNumber & 1 == 1 ? nextControlWord : currentControlWord }
}
