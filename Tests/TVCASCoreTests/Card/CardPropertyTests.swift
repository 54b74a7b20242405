import TVCASCore
import Testing

/// Seeded random ECMs and EMMs against the virtual card: what it accepts, what it refuses, and
/// how EMMs change it (card.md §3, §5, §8).
@Suite("Virtual card: properties")
struct CardPropertyTests {
    static let trials = 150

    @Test("accepts the ECMs made for it and returns their control words")
    func acceptsItsECMs() throws {
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            let odd = rng.bytes(8)
            let even = rng.bytes(8)
            var reader = CardReader(card: VirtualCard(image: card.image), cam: .oscam)
            let answer = try reader.send(ecm: try card.ecm(&rng, odd: odd, even: even))
            #expect(answer.statusWord == 0x9822)
            #expect(answer.result == .controlWords(odd: odd, even: even))
            #expect(reader.card.record.ecmCounter == 1)
        }
    }

    @Test("refuses ECMs whose time is at or after the finish: expired")
    func refusesExpired() throws {
        var rng = SeededGenerator(seed: 2)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let time = card.image.finish + UInt32.random(in: 0...100_000_000, using: &rng)
            let answer = try reader.send(ecm: try card.ecm(&rng, time: time))
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
            let time = card.image.start - UInt32.random(in: 0...100_000_000, using: &rng)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time)).result == .denied(.notStarted))
        }
    }

    @Test("refuses ECMs for packages the card does not have")
    func refusesUnsubscribed() throws {
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let criteria = UInt32.random(in: 0...UInt32.max, using: &rng) & ~card.image.accessCriteria
            let answer = try reader.send(ecm: try card.ecm(&rng, accessCriteria: criteria))
            #expect(answer.result == .denied(.noPackage))
        }
    }

    @Test("a paired card answers only the CAM it was bound to by an EMM")
    func refusesWrongCAM() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<50 {
            let card = try RandomCard(&rng, pairing: 1)
            let bound = CAMIdentifier(UInt8.random(in: 1...255, using: &rng), 0x30, 0x2B)
            let other = CAMIdentifier(bound.bytes[0] &+ 1, 0x30, 0x2B)
            var reader = CardReader(card: VirtualCard(image: card.image), cam: other)
            // A fresh paired card is bound to 00 00 00: every host sending a CAM id is refused.
            #expect(try reader.send(ecm: try card.ecm(&rng)).result == .denied(.pairing))

            reader = CardReader(card: reader.card, cam: bound)
            let plain = TestDatagrams.emmPlaintext(
                serial: card.image.serial, accessCriteria: card.image.accessCriteria, start: card.image.start,
                storedFinish: card.image.finish, conaxStart: 0, conaxFinish: 0, pairing: 1, protect: 0, filler: rng.bytes(23))
            let emm = try TestDatagrams.emm(address: card.image.serial, plaintext: plain, key: card.image.emmKey)
            #expect(try reader.send(emm: emm).effect.boundCAM)
            #expect(reader.card.record.pairedCAM == bound)

            let time = card.timeInside(&rng)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time)).statusWord == 0x9822)
            reader = CardReader(card: reader.card, cam: other)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time &+ 20)).result == .denied(.pairing))
            reader = CardReader(card: reader.card)
            #expect(try reader.send(ecm: try card.ecm(&rng, time: time &+ 40)).result == .denied(.pairing))
        }
    }

    @Test("refuses ECMs with one flipped bit in the table id or the ciphertext")
    func refusesTampered() throws {
        var rng = SeededGenerator(seed: 6)
        var lucky = 0
        for _ in 0..<Self.trials {
            let card = try RandomCard(&rng)
            var ecm = try card.ecm(&rng)
            let byte = [0] + Array(7..<55)
            let index = byte.randomElement(using: &rng)!
            ecm[index] ^= 1 << UInt8.random(in: 0...7, using: &rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let answer = try reader.send(ecm: ecm)
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
            let answer = try reader.send(ecm: try card.ecm(&rng, wrongKey: true))
            if answer.decision.computedChecksum == answer.decision.receivedChecksum {
                lucky += 1
                continue
            }
            #expect(answer.result == .denied(.checksum))
        }
        #expect(lucky <= Self.trials / 20)
    }

    @Test("ignores header bytes 1–6 of an ECM, as the firmware skips them")
    func ignoresECMHeader() throws {
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            var ecm = try card.ecm(&rng)
            ecm[Int.random(in: 1...6, using: &rng)] ^= 0xFF
            var reader = CardReader(card: VirtualCard(image: card.image))
            #expect(try reader.send(ecm: ecm).statusWord == 0x9822)
        }
    }

    @Test("refuses ECMs with a table id other than 0x80/0x81 made with the ECM keys")
    func refusesOtherTables() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            let table = UInt8.random(in: 0x83...0xFF, using: &rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let answer = try reader.send(ecm: try card.ecm(&rng, table: table))
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
        var time = card.image.start + 1000
        var sent = 0
        var answer = try reader.send(ecm: try card.ecm(&rng, time: time))
        while answer.statusWord == 0x9822 && sent < 400 {
            time += 1
            sent += 1
            answer = try reader.send(ecm: try card.ecm(&rng, time: time))
        }
        // At least 241 rises; ECM times whose low byte is 0–30 pull the counter down (card.md §8.8).
        #expect((241..<400).contains(sent))
        #expect(answer.result == .denied(.locked))
        #expect(answer.decision.antiSharing.event == .locked)
        #expect(reader.card.record.lockTime == time)
        let lockTime = time
        #expect(try reader.send(ecm: try card.ecm(&rng, time: lockTime + 3600)).result == .denied(.locked))
        #expect(try reader.send(ecm: try card.ecm(&rng, time: lockTime + AntiSharingStep.lockDuration)).result == .denied(.locked))
        let unlocked = try reader.send(ecm: try card.ecm(&rng, time: lockTime + AntiSharingStep.lockDuration + 1))
        #expect(unlocked.statusWord == 0x9822)
        #expect(unlocked.decision.antiSharing.event == .unlocked)
    }

    @Test("ECMs 6 s apart never raise the anti-sharing counter")
    func antiSharingSpaced() throws {
        var rng = SeededGenerator(seed: 11)
        let card = try RandomCard(&rng)
        var reader = CardReader(card: VirtualCard(image: card.image))
        for step in 0..<500 {
            let answer = try reader.send(ecm: try card.ecm(&rng, time: card.image.start + 100 + UInt32(step) * 6))
            #expect(answer.statusWord == 0x9822)
        }
        #expect(reader.card.record.antiSharingCounter == 0)
    }

    @Test("an EMM for the card writes its subscription, checksum good or bad")
    func emmApplied() throws {
        var rng = SeededGenerator(seed: 12)
        for trial in 0..<Self.trials {
            let card = try RandomCard(&rng)
            let cam = CAMIdentifier(UInt8.random(in: 0...255, using: &rng), 1, 2)
            var reader = CardReader(card: VirtualCard(image: card.image), cam: cam)
            let before = reader.card.record
            let start = UInt32.random(in: 0...UInt32.max, using: &rng)
            let finish = UInt32.random(in: 0...UInt32.max, using: &rng)
            let criteria = UInt32.random(in: 0...UInt32.max, using: &rng)
            let dates = (UInt16.random(in: 0...UInt16.max, using: &rng), UInt16.random(in: 0...UInt16.max, using: &rng))
            let pairing = UInt8.random(in: 0...1, using: &rng)
            let protect = UInt8.random(in: 0...2, using: &rng)
            let badChecksum = trial % 3 == 0
            let plain = TestDatagrams.emmPlaintext(
                serial: card.image.serial, accessCriteria: criteria, start: start, storedFinish: finish, conaxStart: dates.0,
                conaxFinish: dates.1, pairing: pairing, protect: protect, filler: rng.bytes(23), checksumDelta: badChecksum ? 1 : 0)
            let answer = try reader.send(emm: try TestDatagrams.emm(address: card.image.serial, plaintext: plain, key: card.image.emmKey))
            let after = reader.card.record
            #expect(answer.statusWord == 0x9000)
            #expect(answer.isApplied)
            #expect(after.start == start && after.finish == finish && after.accessCriteria == criteria)
            #expect(after.conaxStart == dates.0 && after.conaxFinish == dates.1)
            #expect(after.pairing == pairing && after.protect == protect)
            #expect(after.emmCounter == before.emmCounter &+ 1)
            #expect(after.lastEMMReceivedChecksum == plain[47])
            #expect(after.lastEMMComputedChecksum == plain[0..<47].reduce(0, &+))
            #expect(answer.effect.checksumMatches == !badChecksum)
            #expect(after.pairedCAM == cam)  // the fresh card was not bound: the EMM binds the present CAM
            #expect(after.ecmCounter == before.ecmCounter && after.antiSharingCounter == before.antiSharingCounter)
            #expect(Array(after.bytes[32..<85]) == Array(before.bytes[32..<85]))
        }
    }

    @Test("an EMM for another card changes only the reported address, until power-up")
    func emmOtherAddress() throws {
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<50 {
            let card = try RandomCard(&rng)
            var reader = CardReader(card: VirtualCard(image: card.image))
            let before = reader.card.record
            let address = card.image.serial &+ UInt32.random(in: 1...1000, using: &rng)
            let plain = TestDatagrams.emmPlaintext(
                serial: address, accessCriteria: 1, start: 1, storedFinish: 2, conaxStart: 0, conaxFinish: 0, pairing: 0, protect: 0,
                filler: rng.bytes(23))
            let answer = try reader.send(emm: try TestDatagrams.emm(address: address, plaintext: plain, key: card.image.emmKey))
            #expect(!answer.isApplied)
            #expect(answer.effect.outcome == .otherAddress)
            #expect(reader.card.record == before)
            #expect(reader.card.addressBytes == TestDatagrams.word(address))
            // The decrypt routine leaves the card's EMM key in the response buffer.
            #expect(Array(reader.card.responseBuffer[0..<16]) == card.image.emmKey)
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
            let plain = TestDatagrams.emmPlaintext(
                serial: card.image.serial ^ 1, accessCriteria: 1, start: 1, storedFinish: 2, conaxStart: 0, conaxFinish: 0, pairing: 1,
                protect: 1, filler: rng.bytes(23))
            let answer = try reader.send(emm: try TestDatagrams.emm(address: card.image.serial, plaintext: plain, key: card.image.emmKey))
            #expect(answer.effect.outcome == .serialMismatch)
            var expected = before.bytes
            expected[19] &+= 1
            expected[23] = plain[0..<47].reduce(0, &+)
            expected[24] = plain[47]
            #expect(reader.card.record.bytes == expected)
        }
    }

    @Test("an old EMM replayed rolls the subscription back; the EMM's finish day still opens")
    func emmReplay() throws {
        var rng = SeededGenerator(seed: 15)
        let card = try RandomCard(&rng)
        var reader = CardReader(card: VirtualCard(image: card.image))
        func emm(finish: UInt32) throws -> [UInt8] {
            let plain = TestDatagrams.emmPlaintext(
                serial: card.image.serial, accessCriteria: card.image.accessCriteria, start: card.image.start, storedFinish: finish &+ 1,
                conaxStart: 0, conaxFinish: 0, pairing: 0, protect: 0, filler: rng.bytes(23))
            return try TestDatagrams.emm(address: card.image.serial, plaintext: plain, key: card.image.emmKey)
        }
        let old = try emm(finish: card.image.finish)
        let renewal = try emm(finish: card.image.finish + 30 * 86_400)
        _ = try reader.send(emm: renewal)
        let late = card.image.finish + 86_400
        #expect(try reader.send(ecm: try card.ecm(&rng, time: late)).statusWord == 0x9822)
        _ = try reader.send(emm: old)
        #expect(try reader.send(ecm: try card.ecm(&rng, time: late + 20)).result == .denied(.expired))
        // The EMM's own finish second is inside the window (the card stores finish + 1).
        #expect(try reader.send(ecm: try card.ecm(&rng, time: card.image.finish)).statusWord == 0x9822)
        #expect(try reader.send(ecm: try card.ecm(&rng, time: card.image.finish + 1)).result == .denied(.expired))
    }
}
