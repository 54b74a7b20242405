/// One command sent by a ``CardReader`` and what came back.
public struct CardExchange: Sendable, Hashable {
    /// The command bytes sent.
    public let command: [UInt8]
    /// Every byte the card sent for them (procedure byte and status words included).
    public let cardSent: [UInt8]
    /// What the card did with ECMs and EMMs among those bytes.
    public let events: [CardEvent]
    /// The bytes fetched after a `98 xx` status (empty otherwise).
    public internal(set) var response: [UInt8] = []
    /// Whether the command left the card inside a command and the reader reset it.
    public internal(set) var cardWasReset = false

    init(command: [UInt8], cardSent: [UInt8], events: [CardEvent]) {
        self.command = command
        self.cardSent = cardSent
        self.events = events
    }

    /// The last status word the card sent (its last two bytes), if it sent more than a procedure byte.
    public var statusWord: UInt16? {
        guard cardSent.count >= 3 || (cardSent.count == 2 && cardSent.first != command.dropFirst().first) else { return nil }
        return UInt16(cardSent[cardSent.count - 2]) << 8 | UInt16(cardSent[cardSent.count - 1])
    }

    /// The first status word after the procedure byte: the answer to the command itself when the
    /// card went on to run leftover bytes as further commands.
    public var firstStatusWord: UInt16? {
        let start = cardSent.first == command.dropFirst().first ? 1 : 0
        guard cardSent.count >= start + 2 else { return nil }
        return UInt16(cardSent[start]) << 8 | UInt16(cardSent[start + 1])
    }
}
