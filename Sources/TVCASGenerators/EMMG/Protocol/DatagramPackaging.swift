import NIOCore
import SimulCrypt

/// How EMM sections travel in data_provision (decisions.md §2): as bare sections, or each in its
/// own 188-byte TS packet (sync 0x47, payload_unit_start 1, PID 0x1FFF, CC 0, pointer_field 0,
/// the section, 0xFF stuffing) when the row's `packet_mode` is 1.
public enum DatagramPackaging: Sendable, Equatable {
    /// MPEG-2 sections (`packet_mode` 0).
    case sections
    /// 188-byte transport stream packets (`packet_mode` 1).
    case transportStreamPackets

    /// The packaging for a row's `packet_mode`; anything but 1 sends sections.
    public init(packetMode: UInt8) { self = packetMode == 1 ? .transportStreamPackets : .sections }

    /// The section_TSpkt_flag announced in channel_setup.
    public var flag: SectionTSpktFlag { self == .sections ? .sections : .transportStreamPackets }

    /// Bytes on the wire for one 62-byte EMM (what the bandwidth counts).
    public var bytesPerEMM: Int { self == .sections ? 62 : TransportStreamPacket.size }

    /// The datagram value carrying `section`.
    public func datagram(carrying section: ByteBuffer, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        switch self {
        case .sections: return section
        case .transportStreamPackets:
            var packet = allocator.buffer(capacity: TransportStreamPacket.size)
            packet.writeTransportStreamPackets(carrying: section)
            return packet
        }
    }
}
