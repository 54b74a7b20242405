/// Command 0x14: an ECM (card.md §3).
extension VirtualCard {
    /// `14 INS P1 ‖ table id, 6 skipped bytes, 48 cipher bytes`: decrypts, counts, runs the
    /// anti-sharing update (on every ECM, accepted or not), writes flash, then checks and answers
    /// `98 22` (control words ready) or `98 04` (denied).
    mutating func runECM(_ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        let tableID = try input.next()
        try input.skip(6)
        let cipher = try input.next(48)

        let (slot, key) = record.ecmKey(forTable: tableID)
        let plaintext = decryptLeavingTrace(cipher, key: key)
        record.ecmCounter &+= 1
        let antiSharing = AntiSharingStep.apply(time: ECMDecision.word(plaintext, 0), to: &record)
        let decision = ECMDecision(tableID: tableID, keySlot: slot, plaintext: plaintext, record: record, cam: cam, antiSharing: antiSharing)
        events.append(.ecm(decision))

        if decision.isAccepted {
            answer += responseReady(
                [0x25, 0x0D, 0x00, 0x00, 0x01, 0x00, 0x00] + decision.oddControlWord.bytes
                    + [0x25, 0x0D, 0x00, 0x00, 0x00, 0x00, 0x00] + decision.evenControlWord.bytes
                    + [0x31, 0x02, 0x40, 0x00])
        } else {
            answer += responseReady([0x31, 0x02, 0x00, 0x00])
        }
    }

    /// The firmware's decrypt routine: it leaves the key in response-buffer bytes 0–15 and the
    /// last decrypted block in bytes 16–23 (card.md §8.1).
    mutating func decryptLeavingTrace(_ cipher: [UInt8], key: [UInt8]) -> [UInt8] {
        let plaintext = CardCipher.decrypt(cipher, key: key)
        respond(key + plaintext[(plaintext.count - 8)...])
        return plaintext
    }
}
