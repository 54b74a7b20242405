/// section_TSpkt_flag: how datagrams are carried, as announced in channel_setup/channel_status.
public enum SectionTSpktFlag: UInt8, Hashable, Sendable, CaseIterable {
    /// 0x00: MPEG-2 sections.
    case sections = 0
    /// 0x01: 188-byte transport stream packets.
    case transportStreamPackets = 1
    /// 0x02: IP datagrams (EMMG⇔MUX version 5 only).
    case ipDatagrams = 2
}
