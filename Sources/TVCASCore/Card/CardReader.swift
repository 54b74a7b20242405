/// A host in front of a ``VirtualCard``, talking to it as OSCam's Conax reader does: ECMs and
/// EMMs wrapped in `DD` frames, `98 xx` answers fetched with `DD CA 00 00 xx`, and every answer
/// explained.
///
/// ```swift
/// var reader = try CardReader(bin: binBytes)          // powered up, factory-fresh
/// let answer = try reader.send(ecm: datagram)         // 55 bytes from the ECMG
/// if case .controlWords(let odd, let even) = answer.result { … } else { print(answer.explanation) }
/// let update = try reader.send(emm: emmDatagram)      // 62 bytes from the EMMG
/// ```
///
/// With a ``cam`` the reader sends it (command 0x11) after every power-up, as OSCam does with
/// E0 30 2B; without one the card keeps CAM 00 00 00, which a fresh paired card accepts.
public struct CardReader: Sendable {
    /// The card in the reader.
    public private(set) var card: VirtualCard

    /// The CAM id sent after each power-up, if any.
    public let cam: CAMIdentifier?

    /// Puts `card` in the reader and powers it up.
    public init(card: VirtualCard, cam: CAMIdentifier? = nil) {
        self.card = card
        self.cam = cam
        reset()
    }

    /// A card programmed with a 90-byte `.bin`, its flash holding `record` (erased by default: a
    /// new card), powered up in the reader.
    public init(bin: some Collection<UInt8>, record: CardRecord = .erased, cam: CAMIdentifier? = nil) throws(CardImageError) {
        self.init(card: try VirtualCard(bin: bin, record: record), cam: cam)
    }

    /// Powers the card up again (its flash stays) and sends the CAM id, if any.
    public mutating func reset() {
        card.powerUp()
        if let cam {
            let header: [UInt8] = [0xDD, 0x82, 0x00, 0x00, 0x11, 0x11, 0x0F, 0x01]
            let oscamBody: [UInt8] = [0xB0, 0x0F, 0xFF, 0xFF, 0xFB, 0x00, 0x00, 0x09, 0x04, 0x0B, 0x00]
            _ = exchange(header + oscamBody + cam.bytes)
        }
    }

    /// Sends one command (a `DD` frame with its data) and, when the card answers `98 xx`, fetches
    /// the `xx` bytes. If the command leaves the card inside a command (a desync), the reader
    /// resets the card, as a host does after a time-out.
    public mutating func exchange(_ command: [UInt8]) -> CardExchange {
        let sent = card.receive(command)
        let idle = card.isIdle
        let events = card.events
        var exchange = CardExchange(command: command, cardSent: sent, events: events)
        if let status = exchange.statusWord, status >> 8 == 0x98, idle {
            let fetched = card.receive([0xDD, 0xCA, 0x00, 0x00, UInt8(status & 0xFF)])
            if fetched.count >= 3, fetched.first == 0xCA {
                exchange.response = Array(fetched[1..<(fetched.count - 2)])
            }
        }
        if !idle {
            exchange.cardWasReset = true
            reset()
        }
        return exchange
    }

    /// Sends a 55-byte ECM datagram (`DD A2 00 00 3A 14 38 00 ‖ ECM`) and fetches the answer.
    public mutating func send(ecm datagram: some Collection<UInt8>) throws(CardReaderError) -> ECMAnswer {
        let ecm = Array(datagram)
        guard ecm.count == 55 else { throw .badECMLength(ecm.count) }
        let exchange = exchange([0xDD, 0xA2, 0x00, 0x00, 0x3A, 0x14, 0x38, 0x00] + ecm)
        guard case .ecm(let decision)? = exchange.events.last else { throw .noAnswer(exchange.cardSent) }
        return ECMAnswer(statusWord: exchange.statusWord ?? 0, response: exchange.response, decision: decision)
    }

    /// Sends a 62-byte EMM datagram (`DD 84 00 00 40 12 3E ‖ EMM`).
    public mutating func send(emm datagram: some Collection<UInt8>) throws(CardReaderError) -> EMMAnswer {
        let emm = Array(datagram)
        guard emm.count == 62 else { throw .badEMMLength(emm.count) }
        let exchange = exchange([0xDD, 0x84, 0x00, 0x00, 0x40, 0x12, 0x3E] + emm)
        guard let effect = exchange.events.compactMap({ if case .emm(let effect) = $0 { effect } else { nil } }).first else {
            throw .noAnswer(exchange.cardSent)
        }
        return EMMAnswer(statusWord: exchange.firstStatusWord ?? 0, effect: effect, cardWasReset: exchange.cardWasReset)
    }

    /// Sends a datagram as an ECM (55 bytes) or an EMM (62 bytes).
    public mutating func send(datagram: some Collection<UInt8>) throws(CardReaderError) -> CardAnswer {
        let bytes = Array(datagram)
        switch bytes.count {
        case 55: return .ecm(try send(ecm: bytes))
        case 62: return .emm(try send(emm: bytes))
        default: throw .badDatagramLength(bytes.count)
        }
    }
}

/// Why a reader could not send a datagram.
public enum CardReaderError: Error, Equatable, CustomStringConvertible {
    /// An ECM datagram was not 55 bytes.
    case badECMLength(Int)
    /// An EMM datagram was not 62 bytes.
    case badEMMLength(Int)
    /// A datagram was neither 55 bytes (ECM) nor 62 (EMM).
    case badDatagramLength(Int)
    /// The card did not process the command as an ECM or EMM; the associated value is what it sent.
    case noAnswer([UInt8])

    public var description: String {
        switch self {
        case .badECMLength(let count): "an ECM datagram is 55 bytes, got \(count)"
        case .badEMMLength(let count): "an EMM datagram is 62 bytes, got \(count)"
        case .badDatagramLength(let count): "a datagram is 55 bytes (ECM) or 62 bytes (EMM), got \(count)"
        case .noAnswer(let sent): "the card did not process the datagram (it sent \(Hex.encode(sent)))"
        }
    }
}
