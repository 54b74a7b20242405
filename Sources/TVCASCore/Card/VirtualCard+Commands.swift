/// The firmware's command loop (card.md §1–§2): read CLA, INS and (unless CLA is 0x66) P1,
/// then switch on CLA.
extension VirtualCard {
    /// The status word "OK".
    static let ok: [UInt8] = [0x90, 0x00]
    /// The status word "PIN wrong".
    static let wrongPIN: [UInt8] = [0x90, 0x17]

    /// Runs one command from `input`, appending what the card sends to `answer`.
    mutating func runCommand(_ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        let cla = try input.next()
        let ins = try input.next()
        if cla == 0x66 {
            answer += responseReady(serialInfo())
            return
        }
        let p1 = try input.next()
        switch cla {
        case 0xDD: try runFrame(ins: ins, &input, answer: &answer)
        case 0x10: answer += responseReady(cardInfo())
        case 0x11: try runCAMCommand(&input, answer: &answer)
        case 0x12: try runEMM(tableID: p1, &input, answer: &answer)
        case 0x14: try runECM(&input, answer: &answer)
        case 0x1C: answer += p1 == 0x01 ? Self.ok : responseReady(subscriptionInfo())
        case 0x1E: try runChangePIN(firstByte: p1, &input, answer: &answer)
        case 0x1F: try runSetRating(firstPINByte: p1, &input, answer: &answer)
        default: answer += Self.ok
        }
    }

    /// Puts `bytes` in the response buffer and returns `98 xx`, "xx bytes ready".
    mutating func responseReady(_ bytes: [UInt8]) -> [UInt8] {
        respond(bytes)
        return [0x98, UInt8(bytes.count)]
    }

    /// A host frame `DD INS P1 P2 P3`: the card sends INS as procedure byte at once; only
    /// INS 0xCA (fetch), 0x99 and 0x11 (debug) do more. Any data bytes that follow are then read
    /// as a new command.
    private mutating func runFrame(ins: UInt8, _ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        try input.skip(1)
        let length = try input.next()
        lastFrameLength = length
        answer.append(ins)
        switch ins {
        case 0xCA:
            answer += responseBuffer[0..<Int(length)]
            answer += Self.ok
        case 0x99:
            answer += Self.ok
        case 0x11:
            runDebugEncryption()
            answer += Self.ok
        default:
            break
        }
    }

    /// `DD 11`: 3DES-encrypts a constant block with the firmware's default even ECM key, leaving
    /// key and result in buffer bytes 0–23 (card.md §2, §8.10).
    private mutating func runDebugEncryption() {
        let key: [UInt8] = [0x7E, 0x33, 0xA2, 0x78, 0xB3, 0x61, 0x7A, 0x30, 0x9B, 0x18, 0x22, 0x2F, 0x37, 0x2A, 0x23, 0x19]
        let block: [UInt8] = [0x45, 0x90, 0x4C, 0x4A, 0xD8, 0x46, 0x54, 0x99]
        respond(key + CardCipher.encrypt(block, key: key))
    }

    /// Command 0x10: card and CA information (version 0x40, CAID 0x0B‖UA[0], maturity rating).
    private func cardInfo() -> [UInt8] {
        [
            0x20, 0x01, 0x40, 0x28, 0x02, 0x0B, addressBytes[0], 0x2F, 0x02, 0x00, 0x2C,
            0x30, 0x01, record.maturityRating, 0x23, 0x01, 0x02,
        ]
    }

    /// Command 0x66: the serial number.
    private func serialInfo() -> [UInt8] {
        [0x74, 0x04] + image.serialBytes
    }

    /// Command 0x11 (OSCam's CAM id, inside `DD 82`): reads 11 bytes, then — unless the last
    /// frame length was 0x0E — the 3 CAM bytes, then skips to the frame length; answers with the
    /// unique and shared addresses.
    private mutating func runCAMCommand(_ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        try input.skip(11)
        if lastFrameLength == 0x0E {
            answer += Self.ok
            return
        }
        let camBytes = try input.next(3)
        cam = CAMIdentifier(camBytes[0], camBytes[1], camBytes[2])
        try input.skip(Int(lastFrameLength) - 17)
        let serial = image.serialBytes
        let ua = addressBytes
        answer += responseReady(
            [0x22, 0x18, 0x09, 0x04, 0x0B, ua[0], cam.bytes[0], cam.bytes[1]]
                + [0x23, 0x07, 0x00, 0x00, 0x00] + serial
                + [0x23, 0x07, 0x00, 0x00, 0x00, 0x00, ua[1], ua[2], ua[3]])
    }

    /// Command 0x1C with P1 ≠ 1: subscription information (card.md §4).
    private func subscriptionInfo() -> [UInt8] {
        let name: [UInt8]
        if record.lockState.rawValue == 0x01 {
            name = Array("CARD BLOCKED   ".utf8)
        } else {
            name = Array(image.operatorName[0..<14]) + [record.pairing == 0x01 ? 0x2B : image.operatorName[14]]
        }
        let r = record.bytes
        let dates: [UInt8] = [0x30, 0x02, r[12], r[13], 0x30, 0x02, r[14], r[15]]
        return [0x32, 0x2F, 0x10, 0x10, 0x01, 0x0F] + name
            + dates + [0x20, 0x04, r[8], r[9], r[10], r[11]]
            + dates + [0x20, 0x04, r[19], r[23], r[24], r[20]]
    }

    /// Reads the PIN's remaining bytes after `firstByte` (P1), stopping at the first wrong one —
    /// the firmware's short-circuit that leaves the other PIN bytes unread (card.md §8.4).
    private func checkPIN(firstByte: UInt8, _ input: inout CardInput) throws(CardInputExhausted) -> Bool {
        let pin = record.pin
        guard firstByte == pin[0] else { return false }
        for index in 1..<4 {
            guard try input.next() == pin[index] else { return false }
        }
        return true
    }

    /// Command 0x1F `1F 05 p0 p1 p2 p3 R`: sets the maturity rating if the PIN matches.
    private mutating func runSetRating(firstPINByte: UInt8, _ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        let matches = try checkPIN(firstByte: firstPINByte, &input)
        let rating = try input.next()
        if matches { record.maturityRating = rating }
        answer += matches ? Self.ok : Self.wrongPIN
    }

    /// Command 0x1E `1E 08 old4 new4`: changes the PIN if the old one matches.
    private mutating func runChangePIN(firstByte: UInt8, _ input: inout CardInput, answer: inout [UInt8]) throws(CardInputExhausted) {
        let matches = try checkPIN(firstByte: firstByte, &input)
        let newPIN = try input.next(4)
        if matches { record.pin = newPIN }
        answer += matches ? Self.ok : Self.wrongPIN
    }
}
