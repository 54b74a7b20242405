/// Everything the card saw and decided while processing one ECM: what explains its answer.
///
/// ``VirtualCard`` records one in ``VirtualCard/events`` for every ECM; the card's answer is
/// `98 22` with the control words exactly when ``failedChecks`` is empty.
public struct ECMDecision: Sendable, Hashable {
    /// The ECM's table id (its first byte).
    public let tableID: UInt8
    /// Which key the card decrypted with.
    public let keySlot: CardKeySlot
    /// The 48 decrypted bytes (garbage when the key was wrong).
    public let plaintext: [UInt8]
    /// The record as the checks saw it: after the ECM counter and anti-sharing update.
    public let record: CardRecord
    /// The CAM id the host had presented (command 0x11) when the ECM came.
    public let cam: CAMIdentifier
    /// What the ECM did to the anti-sharing state.
    public let antiSharing: AntiSharingStep
    /// The checks that failed, in the card's order; empty when the card sent control words.
    public let failedChecks: [ECMCheck]

    init(tableID: UInt8, keySlot: CardKeySlot, plaintext: [UInt8], record: CardRecord, cam: CAMIdentifier, antiSharing: AntiSharingStep) {
        self.tableID = tableID
        self.keySlot = keySlot
        self.plaintext = plaintext
        self.record = record
        self.cam = cam
        self.antiSharing = antiSharing
        let time = Self.word(plaintext, 0)
        let passed: [ECMCheck: Bool] = [
            .unlocked: record.lockState.allowsECMs,
            .checksum: CardCipher.checksum(plaintext[0..<47]) == plaintext[47],
            .started: record.start < time,
            .notExpired: time < record.finish,
            .package: record.accessCriteria & Self.word(plaintext, 20) != 0,
            .pairing: record.pairing == 0 || record.pairedCAM == cam,
        ]
        failedChecks = ECMCheck.allCases.filter { passed[$0] == false }
    }

    /// Whether the card sent control words.
    public var isAccepted: Bool { failedChecks.isEmpty }

    /// Plaintext bytes 0–3: the ECM time (Unix epoch) the ECMG put in.
    public var time: UInt32 { Self.word(plaintext, 0) }
    /// Plaintext bytes 4–11: the odd control word (the card's CW index 1).
    public var oddControlWord: ControlWord { ControlWord(bytes: plaintext[4..<12])! }
    /// Plaintext bytes 12–19: the even control word (CW index 0).
    public var evenControlWord: ControlWord { ControlWord(bytes: plaintext[12..<20])! }
    /// Plaintext bytes 20–23: the ECM's access criteria.
    public var accessCriteria: AccessCriteria { AccessCriteria(rawValue: Self.word(plaintext, 20)) }
    /// The checksum the card computed over plaintext bytes 0–46.
    public var computedChecksum: UInt8 { CardCipher.checksum(plaintext[0..<47]) }
    /// The checksum the ECM carries, plaintext byte 47.
    public var receivedChecksum: UInt8 { plaintext[47] }

    static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
