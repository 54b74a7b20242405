/// The bytes a host has sent to the card and the card has not consumed yet, read one at a time
/// as the firmware reads its serial line.
///
/// Reading past the end throws ``CardInputExhausted``: the card then waits for more bytes in the
/// middle of a command (the real card would sit there until the host sends them).
struct CardInput {
    /// Every byte received since the last completed command.
    let bytes: [UInt8]
    /// How many of them the command being run has read.
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether no unread byte is left.
    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte of the stream.
    mutating func next() throws(CardInputExhausted) -> UInt8 {
        guard position < bytes.count else { throw CardInputExhausted() }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next `count` bytes of the stream.
    mutating func next(_ count: Int) throws(CardInputExhausted) -> [UInt8] {
        guard position + count <= bytes.count else { throw CardInputExhausted() }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Reads and drops `count` bytes.
    mutating func skip(_ count: Int) throws(CardInputExhausted) {
        guard count > 0 else { return }
        guard position + count <= bytes.count else { throw CardInputExhausted() }
        position += count
    }
}

/// The card needs more bytes to finish the command it is reading.
struct CardInputExhausted: Error {}
