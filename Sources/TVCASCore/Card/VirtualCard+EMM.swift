/// Command 0x12: an EMM (card.md §5).
extension VirtualCard {
    /// `12 INS P1 ‖ …`: P1 is the EMM's first byte; anything but 0x82 is answered `90 00` at once.
    /// Otherwise: 5 skipped bytes, the 4 address bytes (written into RAM `UA[]` whatever they
    /// are), 4 skipped, 48 cipher bytes decrypted with the card's EMM key. Addressed to this card,
    /// the EMM counter and both checksums are recorded (the checksum is not enforced); if the
    /// decrypted serial is the card's too, the subscription is written. Always `90 00`.
    mutating func runEMM(tableID: UInt8, _ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        let before = record
        guard tableID == 0x82 else {
            events.append(
                .emm(
                    EMMEffect(
                        cardSerial: image.serial, tableID: tableID, outcome: .notAnEMM, address: [], plaintext: [], recordBefore: before,
                        recordAfter: record, cam: cam))
            )
            answer += Self.ok
            return
        }
        try input.skip(5)
        let address = try input.next(4)
        addressBytes = address
        try input.skip(4)
        let cipher = try input.next(48)
        let plaintext = decryptLeavingTrace(cipher, key: record.emmKey)

        let serial = image.serialBytes
        let outcome: EMMEffect.Outcome
        if address != serial {
            outcome = .otherAddress
        } else {
            record.emmCounter &+= 1
            record.lastEMMComputedChecksum = CardCipher.checksum(plaintext[0..<47])
            record.lastEMMReceivedChecksum = plaintext[47]
            if Array(plaintext[0..<4]) == serial {
                applySubscription(plaintext)
                outcome = .applied
            } else {
                outcome = .serialMismatch
            }
        }
        events.append(
            .emm(
                EMMEffect(
                    cardSerial: image.serial, tableID: tableID, outcome: outcome, address: address, plaintext: plaintext, recordBefore: before,
                    recordAfter: record, cam: cam)))
        answer += Self.ok
    }

    /// Writes an EMM's subscription fields; binds pairing to the present CAM when pairing is off
    /// or the card is not bound yet.
    private mutating func applySubscription(_ plaintext: [UInt8]) {
        record.replace(8..<12, with: plaintext[4..<8])
        record.replace(0..<4, with: plaintext[8..<12])
        record.replace(4..<8, with: plaintext[12..<16])
        record.replace(12..<16, with: plaintext[16..<20])
        record.pairing = plaintext[20]
        if plaintext[21] == 0x01 && record.lockState == .disabled { record.lockState = .normal }
        record.protect = plaintext[21]
        record.reserved = plaintext[22]
        if record.pairing == 0 || record.pairedCAM.isZero { record.pairedCAM = cam }
    }
}
