/// A card's answer to an ECM, as a ``CardReader`` gets it.
public struct ECMAnswer: Sendable, Hashable {
    /// What the card gave.
    public enum Result: Sendable, Hashable {
        /// The two control words (from the fetched nanos 0x25, CW index 1 and 0).
        case controlWords(odd: ControlWord, even: ControlWord)
        /// No control words; the reason is worked out from the card's decision.
        case denied(ECMDenialReason)
    }

    /// `98 22` (control words ready) or `98 04` (denied).
    public let statusWord: UInt16
    /// The fetched response bytes.
    public let response: [UInt8]
    /// What the card saw and checked.
    public let decision: ECMDecision

    /// The result as read from the card's response bytes.
    public var result: Result {
        if statusWord == 0x9822, let words = Self.controlWords(in: response) { return .controlWords(odd: words.odd, even: words.even) }
        return .denied(decision.denialReason ?? .checksum)
    }

    /// The answer in words.
    public var explanation: String { decision.explanation }

    /// The CWs from nanos `25 0D 00 00 idx 00 00 cw(8)`: index 1 odd, 0 even.
    static func controlWords(in response: [UInt8]) -> (odd: ControlWord, even: ControlWord)? {
        var odd: ControlWord?
        var even: ControlWord?
        var index = 0
        while index + 2 <= response.count {
            let tag = response[index]
            let length = Int(response[index + 1])
            let body = index + 2
            guard body + length <= response.count else { break }
            if tag == 0x25, length == 0x0D {
                let word = ControlWord(bytes: response[(body + 5)..<(body + 13)])
                if response[body + 2] == 1 { odd = word } else { even = word }
            }
            index = body + length
        }
        guard let odd, let even else { return nil }
        return (odd, even)
    }
}

/// A card's answer to an EMM, as a ``CardReader`` gets it.
public struct EMMAnswer: Sendable, Hashable {
    /// The card's status word: always `90 00`.
    public let statusWord: UInt16
    /// What the card did.
    public let effect: EMMEffect
    /// Whether the EMM left the card inside a command (table id not 0x82) and the reader reset it.
    public let cardWasReset: Bool

    /// Whether the card wrote the subscription.
    public var isApplied: Bool { effect.isApplied }

    /// The answer in words.
    public var explanation: String {
        effect.explanation + (cardWasReset ? "; the leftover bytes left the card inside a command, so the reader reset it" : "")
    }
}

/// A card's answer to a datagram sent by ``CardReader/send(datagram:)``.
public enum CardAnswer: Sendable, Hashable {
    /// The datagram was an ECM.
    case ecm(ECMAnswer)
    /// The datagram was an EMM.
    case emm(EMMAnswer)
}
