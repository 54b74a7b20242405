/// A card's flash as a `--state` file keeps it between runs: the serial it belongs to and the
/// persistent record. Encodes as `{"serial_no":…,"flash_7000":"<170 hex digits>"}`.
public struct CardFlashState: Codable, Sendable, Hashable {
    /// The serial of the card whose flash this is; a state file is refused for any other card.
    public var serialNumber: UInt32
    /// The persistent record.
    public var record: CardRecord

    /// The flash of `card` now.
    public init(of card: VirtualCard) {
        serialNumber = card.image.serial
        record = card.record
    }

    enum CodingKeys: String, CodingKey {
        case serialNumber = "serial_no"
        case record = "flash_7000"
    }
}
