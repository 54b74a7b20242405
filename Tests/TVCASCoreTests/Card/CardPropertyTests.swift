import TVCASCore
import Testing

/// Seeded random ECMs and EMMs from the head-end's builders against the virtual card: what it
/// accepts, what it refuses, and how EMMs change it (card.md §3, §5, §8).
@Suite("Virtual card: properties")
struct CardPropertyTests {
    static let trials = 150

    @Test("accepts the ECMs the builder makes for it and returns the odd and even CP's control words")
    func acceptsItsECMs() throws {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            let ecm = try card.ecm(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image), cam: .oscam)
            let answer = try reader.send(ecm: ecm.datagram)
            #expect(answer.statusWord == 0x9822)
            #expect(answer.result == .controlWords(odd: ecm.odd, even: ecm.even))
            #expect(reader.card.record.ecmCounter == 1)
        }
    }

    @Test("refuses ECMs whose time is at or after the finish: expired")
    func refusesExpired() throws {
        var rng = SeededGenerator(seed: 2)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let time = card.subscription.finish + UInt32.random(in: 0...100_000_000, using: &rng)
            let answer = try reader.send(ecm: try card.ecm(&rng, time: time).datagram)
            #expect(answer.statusWord == 0x9804)
            #expect(answer.result == .denied(.expired))
        }
    }

    @Test("refuses ECMs whose time is at or before the start: not started")
    func refusesNotStarted() throws {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let time = card.subscription.start - UInt32.random(in: 0...100_000_000, using: &rng)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time).datagram).result == .denied(.notStarted))
        }
    }

    @Test("refuses ECMs for packages the card does not have")
    func refusesUnsubscribed() throws {
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let criteria = UInt32.random(in: 0...UInt32.max, using: &rng) & ~card.subscription.accessCriteria.rawValue
            let answer = try reader.send(ecm: try card.ecm(&rng, accessCriteria: criteria).datagram)
            #expect(answer.result == .denied(.noPackage))
        }
    }

    @Test("a paired card answers only the CAM an EMM bound it to")
    func refusesWrongCAM() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<50 {
            let card = try RandomCard(&rng, pair: Int.random(in: 1...5, using: &rng))
            let bound = CAMIdentifier(UInt8.random(in: 1...254, using: &rng), 0x30, 0x2B)
            let other = CAMIdentifier(bound.bytes[0] &+ 1, 0x30, 0x2B)
            var reader = CardReader(card: VirtualCard(image: card.image), cam: other)
            // A fresh paired card is bound to 00 00 00: a host that sends a CAM id is refused.
            #expect(try reader.send(ecm: try card.ecm(&rng).datagram).result == .denied(.pairing))

            reader = CardReader(card: reader.card, cam: bound)
            #expect(try reader.send(emm: try card.emm()).effect.boundCAM)
            #expect(reader.card.record.pairedCAM == bound)

            let time = card.timeInside(&rng) / 2 + card.subscription.start / 2
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time).datagram).statusWord == 0x9822)
            reader = CardReader(card: reader.card, cam: other)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time + 20).datagram).result == .denied(.pairing))
            reader = CardReader(card: reader.card)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time + 40).datagram).result == .denied(.pairing))
        }
    }

    @Test("refuses ECMs with one flipped bit in the table id or the ciphertext")
    func refusesTampered() throws {
        var rng = SeededGenerator(seed: 6)
        var lucky = 0
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var datagram = try card.ecm(&rng).datagram
            let index = ([0] + Array(7..<55)).randomElement(using: &rng)!
            datagram[index] ^= 1 << UInt8.random(in: 0...7, using: &rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let answer = try reader.send(ecm: datagram)
            if answer.decision.computedChecksum == answer.decision.receivedChecksum {
                lucky += 1  // garbage that happens to sum right (1 in 256): the card checks the rest as usual
                continue
            }
            #expect(answer.statusWord == 0x9804)
            #expect(answer.result == .denied(.checksum) || answer.result == .denied(.badTable))
        }
        #expect(lucky <= Self.trials / 20)
    }

    @Test("refuses ECMs encrypted with the other key half")
    func refusesOtherKey() throws {
        var rng = SeededGenerator(seed: 7)
        var lucky = 0
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let answer = try reader.send(ecm: try card.ecm(&rng, key: card.swappedECMKey).datagram)
            if answer.decision.computedChecksum == answer.decision.receivedChecksum {
                lucky += 1
                continue
            }
            #expect(answer.result == .denied(.checksum))
        }
        #expect(lucky <= Self.trials / 20)
    }

    @Test("refuses ECMs encrypted for another card's ECM key")
    func refusesOtherOperator() throws {
        var rng = SeededGenerator(seed: 16)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            let stranger = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let answer = try reader.send(ecm: try card.ecm(&rng, key: stranger.ecmKey).datagram)
            guard answer.decision.computedChecksum != answer.decision.receivedChecksum else { continue }
            #expect(answer.result == .denied(.checksum))
        }
    }

    @Test("ignores header bytes 1–6 of an ECM, as the firmware skips them")
    func ignoresECMHeader() throws {
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            var datagram = try card.ecm(&rng).datagram
            datagram[Int.random(in: 1...6, using: &rng)] ^= 0xFF
            var reader = CardReader(card: VirtualCard(image: card.image))
            #expect(try reader.send(ecm: datagram).statusWord == 0x9822)
        }
    }

    @Test("refuses ECMs whose table id is not 0x80/0x81: bad table")
    func refusesOtherTables() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            var datagram = try card.ecm(&rng).datagram
            datagram[0] = UInt8.random(in: 0x83...0xFF, using: &rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let answer = try reader.send(ecm: datagram)
            guard answer.decision.computedChecksum != answer.decision.receivedChecksum else { continue }
            #expect(answer.result == .denied(.badTable))
            #expect(answer.decision.keySlot == .recordHead)
        }
    }

    @Test("ECMs close together lock the card; 7 days later it unlocks")
    func antiSharingLock() throws {
        var rng = SeededGenerator(seed: 10)
        let card = try RandomCard(&rng)
        var reader = CardReader(card: VirtualCard(image: card.image))
        var time = card.subscription.start + 1000
        var sent = 0
        var answer = try reader.send(ecm: try card.ecm(&rng, time: time).datagram)
        while answer.statusWord == 0x9822 && sent < 400 {
            time += 1
            sent += 1
            answer = try reader.send(ecm: try card.ecm(&rng, time: time).datagram)
        }
        // At least 241 rises; ECM times whose low byte is 0–30 pull the counter down (card.md §8.8).
        #expect((241..<400).contains(sent))
        #expect(answer.result == .denied(.locked))
        #expect(answer.decision.antiSharing.event == .locked)
        #expect(reader.card.record.lockTime == time)
        let lockTime = time
        #expect(try reader.send(ecm: try card.ecm(&rng, time: lockTime + 3600).datagram).result == .denied(.locked))
        #expect(try reader.send(ecm: try card.ecm(&rng, time: lockTime + AntiSharingStep.lockDuration).datagram).result == .denied(.locked))
        let unlocked = try reader.send(ecm: try card.ecm(&rng, time: lockTime + AntiSharingStep.lockDuration + 1).datagram)
        #expect(unlocked.statusWord == 0x9822)
        #expect(unlocked.decision.antiSharing.event == .unlocked)
    }

    @Test("ECMs 6 s apart never raise the anti-sharing counter")
    func antiSharingSpaced() throws {
        var rng = SeededGenerator(seed: 11)
        let card = try RandomCard(&rng)
        var reader = CardReader(card: VirtualCard(image: card.image))
        for step in 0..<500 {
            let answer = try reader.send(ecm: try card.ecm(&rng, time: card.subscription.start + 100 + UInt32(step) * 6).datagram)
            #expect(answer.statusWord == 0x9822)
        }
        #expect(reader.card.record.antiSharingCounter == 0)
    }

    @Test("an EMM from the builder writes the card's subscription exactly as the firmware does")
    func emmApplied() throws {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            let cam = CAMIdentifier(UInt8.random(in: 0...255, using: &rng), 1, 2)
            var reader = CardReader(card: VirtualCard(image: card.image), cam: cam)
            let before = reader.card.record
            let update = CardSubscription(
                serial: card.subscription.serial, accessCriteria: AccessCriteria(rawValue: UInt32.random(in: 0...UInt32.max, using: &rng)),
                start: UInt32.random(in: 0...UInt32.max, using: &rng), finish: UInt32.random(in: 0...UInt32.max, using: &rng),
                pair: Int.random(in: -2...2, using: &rng), type: Int.random(in: 0...2, using: &rng))
            let emm = try card.emm(update)
            let answer = try reader.send(emm: emm)
            let after = reader.card.record
            let decoded = try EMMDecoder(key: card.cardKey).decode(emm)
            #expect(answer.statusWord == 0x9000)
            #expect(answer.isApplied && answer.effect.checksumMatches)
            #expect(after.start == update.start && after.finish == update.finish &+ 1 && after.accessCriteria == update.accessCriteria.rawValue)
            #expect(after.conaxStart == decoded.conaxStart && after.conaxFinish == decoded.conaxFinish)
            #expect(after.pairing == update.emmPairFlag && after.protect == update.protectFlag && after.reserved == 0)
            #expect(after.emmCounter == before.emmCounter &+ 1)
            #expect(after.lastEMMReceivedChecksum == decoded.checksum2 && after.lastEMMComputedChecksum == decoded.checksum2)
            #expect(after.pairedCAM == cam)  // the fresh card was not bound yet: the EMM binds the present CAM
            #expect(after.ecmCounter == before.ecmCounter && after.antiSharingCounter == before.antiSharingCounter)
            #expect(Array(after.bytes[32..<85]) == Array(before.bytes[32..<85]))
        }
    }

    @Test("an EMM with a wrong checksum is applied all the same; the card records checksum 2 as computed and received")
    func emmChecksumNotEnforced() throws {
        var rng = SeededGenerator(seed: 17)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let delta = UInt8.random(in: 1...255, using: &rng)
            let checksum2 = Bool.random(using: &rng)
            var plain = [UInt8]()
            let emm = try AlteredEMM.reencrypted(try card.emm(), key: card.cardKey) { bytes in
                // Checksum 2 wrong, or checksum 1 wrong (with checksum 2 over the changed bytes: the
                // card does not look at checksum 1 at all).
                if !checksum2 { bytes[23] &+= delta }
                bytes[47] &+= delta
                plain = bytes
            }
            let answer = try reader.send(emm: emm)
            #expect(answer.isApplied)
            #expect(answer.effect.checksumMatches == !checksum2)
            #expect(reader.card.record.lastEMMComputedChecksum == AlteredEMM.sum(plain[0..<47]))
            #expect(reader.card.record.lastEMMReceivedChecksum == plain[47])
            #expect(reader.card.record.finish == card.subscription.finish + 1)
        }
    }

    @Test("an EMM for another card changes only the reported address, until power-up")
    func emmOtherAddress() throws {
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            let stranger = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let before = reader.card.record
            let answer = try reader.send(emm: try stranger.emm())
            #expect(!answer.isApplied)
            #expect(answer.effect.outcome == .otherAddress)
            #expect(reader.card.record == before)
            #expect(reader.card.addressBytes == CardImage(stranger.cardBin).serialBytes)
            // The decrypt routine leaves this card's EMM key in the response buffer.
            #expect(Array(reader.card.responseBuffer[0..<16]) == card.cardKey.bytes)
            reader.reset()
            #expect(reader.card.addressBytes == card.image.addressBytes)
        }
    }

    @Test("an EMM whose decrypted serial is not the card's records only counter and checksums")
    func emmSerialMismatch() throws {
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let before = reader.card.record
            var plain = [UInt8]()
            let emm = try AlteredEMM.reencrypted(try card.emm(), key: card.cardKey) { bytes in
                bytes[3] ^= 1
                plain = bytes
            }
            let answer = try reader.send(emm: emm)
            #expect(answer.effect.outcome == .serialMismatch)
            var expected = before.bytes
            expected[19] &+= 1
            expected[23] = AlteredEMM.sum(plain[0..<47])
            expected[24] = plain[47]
            #expect(reader.card.record.bytes == expected)
        }
    }

    @Test("an old EMM replayed rolls the subscription back; the EMM's finish second still opens")
    func emmReplay() throws {
        var rng = SeededGenerator(seed: 15)
        let card = try RandomCard(&rng)
        var reader = CardReader(card: VirtualCard(image: card.image))
        var renewal = card.subscription
        renewal.finish += 30 * 86_400
        _ = try reader.send(emm: try card.emm(renewal))
        let late = card.subscription.finish + 86_400
        #expect(try reader.send(ecm: try card.ecm(&rng, time: late).datagram).statusWord == 0x9822)
        _ = try reader.send(emm: try card.emm())
        #expect(try reader.send(ecm: try card.ecm(&rng, time: late + 20).datagram).result == .denied(.expired))
        // The EMM's own finish second is inside the window: the card stores finish + 1.
        #expect(try reader.send(ecm: try card.ecm(&rng, time: card.subscription.finish).datagram).statusWord == 0x9822)
        #expect(try reader.send(ecm: try card.ecm(&rng, time: card.subscription.finish + 1).datagram).result == .denied(.expired))
    }
}

@Suite("Virtual card: a card for decoding ECMs")
struct ECMDecodingCardTests {
    @Test("decodes every ECM of its key, even a thousand with the same time")
    func decodesAll() throws {
        var rng = SeededGenerator(seed: 30)
        let key = try ECMKey(hex: Hex.encode(rng.bytes(32)))
        var reader = CardReader(card: VirtualCard(decodingECMsWith: key))
        for cpNumber in UInt16(0)..<1000 {
            let words = (ControlWord(rawValue: rng.next()), ControlWord(rawValue: rng.next()))
            let ecm = try ECMBuilder(key: key, random: RecordedBytes(rng.bytes(23))).build(
                cpNumber: cpNumber, controlWords: words, accessCriteria: AccessCriteria(rawValue: 1 << (cpNumber % 32)), time: 1_700_000_040)
            let (odd, even) = cpNumber & 1 == 1 ? words : (words.1, words.0)
            #expect(try reader.send(ecm: ecm).result == .controlWords(odd: odd, even: even))
        }
        #expect(reader.card.record.ecmCounter == UInt8(1000 % 256))
    }

    @Test("with anti-sharing on, the same ECMs lock it")
    func antiSharingOn() throws {
        var rng = SeededGenerator(seed: 31)
        let key = try ECMKey(hex: Hex.encode(rng.bytes(32)))
        var reader = CardReader(card: VirtualCard(decodingECMsWith: key, antiSharing: true))
        let builder = ECMBuilder(key: key, random: RecordedBytes(rng.bytes(23)))
        var results = [ECMAnswer.Result]()
        for cpNumber in UInt16(0)..<300 {
            let ecm = try builder.build(
                cpNumber: cpNumber, controlWords: (ControlWord(rawValue: 1), ControlWord(rawValue: 2)),
                accessCriteria: AccessCriteria(rawValue: 1), time: 1_700_000_040)
            results.append(try reader.send(ecm: ecm).result)
        }
        #expect(results.last == .denied(.locked))
    }
}
