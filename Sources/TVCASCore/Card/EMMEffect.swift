/// What the card did with one EMM (card.md §5): ``VirtualCard`` records one in
/// ``VirtualCard/events`` for every command 0x12.
public struct EMMEffect: Sendable, Hashable {
    /// How far the card got with the EMM.
    public enum Outcome: Sendable, Hashable {
        /// The first byte was not 0x82: the card answered `90 00` and ran the remaining bytes as
        /// further commands.
        case notAnEMM
        /// The header address was another card's: nothing stored, but the address now stands in
        /// the card's RAM address bytes until power-up.
        case otherAddress
        /// The header address was this card's but the decrypted serial was not (wrong key or a
        /// damaged EMM): only the EMM counter and the two checksums were recorded.
        case serialMismatch
        /// The subscription fields were written.
        case applied
    }

    /// The card's serial number.
    public let cardSerial: UInt32
    /// The EMM's first byte (table id).
    public let tableID: UInt8
    /// How far the card got.
    public let outcome: Outcome
    /// The 4 header address bytes (empty for ``Outcome/notAnEMM``).
    public let address: [UInt8]
    /// The 48 decrypted bytes (empty for ``Outcome/notAnEMM``).
    public let plaintext: [UInt8]
    /// The record before the EMM.
    public let recordBefore: CardRecord
    /// The record after it.
    public let recordAfter: CardRecord
    /// The CAM id the host had presented when the EMM came.
    public let cam: CAMIdentifier

    /// The checksum the card computed over plaintext bytes 0–46 (nil for ``Outcome/notAnEMM``).
    public var computedChecksum: UInt8? { plaintext.isEmpty ? nil : CardCipher.checksum(plaintext[0..<47]) }
    /// The checksum the EMM carries, plaintext byte 47 (nil for ``Outcome/notAnEMM``).
    public var receivedChecksum: UInt8? { plaintext.last }
    /// Whether the two agree — recorded by the card, never enforced.
    public var checksumMatches: Bool { computedChecksum != nil && computedChecksum == receivedChecksum }
    /// Whether this EMM bound the card to the host's CAM id.
    public var boundCAM: Bool { recordAfter.pairedCAM != recordBefore.pairedCAM }
    /// The header address as a serial number.
    public var addressSerial: UInt32? { address.count == 4 ? ECMDecision.word(address, 0) : nil }
    /// The decrypted serial number, plaintext bytes 0–3.
    public var plaintextSerial: UInt32? { plaintext.count == 48 ? ECMDecision.word(plaintext, 0) : nil }
}
