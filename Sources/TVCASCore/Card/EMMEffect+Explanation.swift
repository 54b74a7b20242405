extension EMMEffect {
    /// Whether the card wrote the EMM's subscription (`applied`) or not (`ignored`).
    public var isApplied: Bool { outcome == .applied }

    /// What the card did with the EMM, in words.
    public var explanation: String {
        switch outcome {
        case .notAnEMM:
            return "table id 0x\(Hex.encode([tableID])) is not 0x82: the card answered 90 00 without reading the EMM "
                + "and ran its remaining bytes as further commands"
        case .otherAddress:
            return "addressed to serial \(addressSerial ?? 0), this card is \(cardSerial): nothing stored "
                + "(until power-up the card reports that address as its CAID byte and shared address)"
        case .serialMismatch:
            return "the header is addressed to this card but the decrypted serial is \(plaintextSerial ?? 0) "
                + "(encrypted with another card key, or damaged): only the EMM counter and checksums were recorded; "
                + checksumText
        case .applied:
            let r = recordAfter
            var parts = [
                "subscription access criteria \(AccessCriteria(rawValue: r.accessCriteria).hex), start \(CardText.utc(r.start)), "
                    + "finish \(CardText.utc(r.finish)) (exclusive: the EMM's finish + 1), Conax dates "
                    + "\(CardText.conaxDate(r.conaxStart)) to \(CardText.conaxDate(r.conaxFinish))",
                r.pairing == 0 ? "pairing off" : "pairing on (CAM \(r.pairedCAM))",
                r.protect == 1 ? "protect flag on" : "protect flag off",
            ]
            if boundCAM { parts.append("paired CAM bound to \(r.pairedCAM), the CAM present now") }
            if recordBefore.lockState == .disabled && r.lockState == .normal { parts.append("anti-sharing switched back on") }
            parts.append(checksumText)
            return parts.joined(separator: "; ")
        }
    }

    private var checksumText: String {
        guard let computed = computedChecksum, let received = receivedChecksum else { return "" }
        if computed == received { return "checksum \(Hex.encode([received])) ok" }
        return "checksum wrong (computed \(Hex.encode([computed])), EMM carries \(Hex.encode([received]))): recorded, not enforced"
    }

}
