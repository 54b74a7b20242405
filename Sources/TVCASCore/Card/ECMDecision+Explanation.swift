extension ECMDecision {
    /// The card's answer in words: the control words, or why it denied the ECM, with every failed
    /// check and anti-sharing news (e.g. "denied: subscription finish 2024-05-01 00:00:00 UTC is not
    /// after the ECM time 2024-06-01 00:00:00 UTC").
    public var explanation: String {
        if isAccepted {
            var text = "control words: odd \(oddControlWord.hex), even \(evenControlWord.hex) "
            text += "(ECM time \(CardText.utc(time)); \(keySlot))"
            if let note = antiSharingNote { text += "; \(note)" }
            return text
        }
        return "denied: " + detail
    }

    /// Why the card denied the ECM, most telling reason first (empty when it was accepted).
    public var detail: String {
        guard !isAccepted else { return "" }
        var parts = [String]()
        if !Self.isStandardTable(tableID) {
            parts.append("table id 0x\(Hex.encode([tableID])) is neither 0x80 nor 0x81, so the card decrypted with \(keySlot)")
        }
        let ordered = failedChecks.sorted { Self.priority(Self.reason(for: $0)) < Self.priority(Self.reason(for: $1)) }
        parts += ordered.map(sentence(for:))
        if let note = antiSharingNote, !failedChecks.contains(.unlocked) { parts.append(note) }
        return parts.joined(separator: "; ")
    }

    private func sentence(for check: ECMCheck) -> String {
        switch check {
        case .unlocked:
            switch antiSharing.event {
            case .locked:
                return "this ECM locked the card: its anti-sharing counter passed 240 (ECMs coming less than about 5 s apart, "
                    + "as when one card serves many receivers); it unlocks with the first ECM after \(CardText.utc(record.lockTime &+ AntiSharingStep.lockDuration))"
            default:
                return "the card is locked by anti-sharing since \(CardText.utc(record.lockTime)); "
                    + "it unlocks with the first ECM after \(CardText.utc(record.lockTime &+ AntiSharingStep.lockDuration)) "
                    + "(or one dated before the lock: the firmware compares without sign)"
            }
        case .checksum:
            return "the ECM does not decrypt to a valid message with \(keySlot): checksum computed \(Hex.encode([computedChecksum])), "
                + "ECM carries \(Hex.encode([receivedChecksum])) (encrypted with another key, or damaged)"
        case .started:
            return "subscription start \(CardText.utc(record.start)) is not before the ECM time \(CardText.utc(time))"
        case .notExpired:
            return "subscription finish \(CardText.utc(record.finish)) is not after the ECM time \(CardText.utc(time))"
        case .package:
            return
                "no common package: card access criteria \(AccessCriteria(rawValue: record.accessCriteria).hex), ECM access criteria \(accessCriteria.hex)"
        case .pairing:
            if record.pairedCAM.isZero {
                return "the card is paired with no CAM yet (00 00 00) but the host presented CAM \(cam); an EMM for the card binds the present CAM"
            }
            return "the card is paired with CAM \(record.pairedCAM) but the host presented CAM \(cam)"
        }
    }

    /// Anti-sharing news worth telling: a rise near the lock, or an unlock.
    private var antiSharingNote: String? {
        switch antiSharing.event {
        case .unlocked: "anti-sharing: the 7-day lock ended with this ECM"
        case .counterRose where antiSharing.counterAfter >= 0xC0:
            "anti-sharing counter \(antiSharing.counterAfter) of 240 (ECMs close together; the card locks above 240)"
        default: nil
        }
    }
}
