/// A TVCAS3 smartcard in software: it takes the byte stream a host sends and answers byte for
/// byte as the card firmware does (card.md; checked against every card.json scenario).
///
/// The card is a plain value. Feed it bytes with ``receive(_:)``; it returns every byte it sends
/// back, procedure bytes included. It is a byte-stream machine, not an APDU parser: the data of a
/// `DD` frame is run as further commands, a command whose bytes have not all arrived waits for
/// the next call (``isIdle`` is then `false`), and leftovers of a misparsed frame are parsed as
/// commands too — exactly the firmware's quirks.
///
/// Only ``record`` (the flash) survives ``powerUp()``; the CAM id, the address bytes and the
/// response buffer are RAM. Save ``record`` (it is `Codable`) to keep a card between runs.
///
/// For ECMs and EMMs as a host sends them, with the card's reasons spelled out, use ``CardReader``.
public struct VirtualCard: Sendable {
    /// The answer to reset: direct convention, T=0, historical bytes "0B00".
    public static let answerToReset: [UInt8] = [0x3B, 0x24, 0x00, 0x30, 0x42, 0x30, 0x30]

    /// How many bytes of the response buffer the card keeps; `DD CA 00 00 xx` reads from it.
    public static let responseBufferSize = 256

    /// The `.bin` the card was programmed with.
    public let image: CardImage

    /// The persistent record (flash at 0x7000).
    public internal(set) var record: CardRecord

    /// Whether the card has been powered up.
    public private(set) var isPowered = false

    /// `UA[0..3]` in RAM: the CAID low byte and shared address the card reports. Every EMM
    /// overwrites it with its address until the next power-up (card.md §5, §8.5).
    public internal(set) var addressBytes: [UInt8]

    /// The CAM id from the last command 0x11 since power-up (00 00 00 before any).
    public internal(set) var cam = CAMIdentifier.none

    /// The response buffer ("IOBuf"); answers overwrite only their own bytes, and the decrypt
    /// routine leaves its key and last block in bytes 0–23 (card.md §8.1).
    public internal(set) var responseBuffer = [UInt8](repeating: 0, count: responseBufferSize)

    /// What the card did with ECMs and EMMs during the last ``receive(_:)`` call, in order.
    public internal(set) var events: [CardEvent] = []

    /// P3 of the last `DD` frame: command 0x11 uses it as its length.
    var lastFrameLength: UInt8 = 0

    /// Bytes received that the command in progress has not finished with.
    var pending: [UInt8] = []

    /// A card programmed with `image` whose flash holds `record` — erased by default, as a new
    /// card comes from the programmer. It is not powered yet.
    public init(image: CardImage, record: CardRecord = .erased) {
        self.image = image
        self.record = record
        addressBytes = image.addressBytes
    }

    /// A card programmed with a 90-byte `.bin`, its flash holding `record` (erased by default).
    public init(bin: some Collection<UInt8>, record: CardRecord = .erased) throws(CardImageError) {
        self.init(image: try CardImage(bin: bin), record: record)
    }

    /// Whether the card waits at a command boundary; `false` while it is inside a command whose
    /// remaining bytes it will take from whatever the host sends next.
    public var isIdle: Bool { pending.isEmpty }

    /// Powers the card up (or resets it): RAM starts over, a blank flash gets the factory record,
    /// and the card sends its answer to reset, which this returns.
    @discardableResult
    public mutating func powerUp() -> [UInt8] {
        isPowered = true
        if record.isBlank { record = image.factoryRecord }
        addressBytes = image.addressBytes
        cam = .none
        responseBuffer = [UInt8](repeating: 0, count: Self.responseBufferSize)
        lastFrameLength = 0
        pending = []
        events = []
        return Self.answerToReset
    }

    /// Sends `bytes` to the card and returns every byte it answers, in order (empty when it only
    /// swallowed them). A card that is not powered is powered up first (its ATR is not returned).
    public mutating func receive(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if !isPowered { powerUp() }
        events = []
        pending += bytes
        var output = [UInt8]()
        while !pending.isEmpty {
            // Run one command on a copy: if its bytes have not all arrived, nothing happened yet
            // and the card waits; the command runs again from its first byte when more arrive.
            var trial = self
            var input = CardInput(pending)
            var answer = [UInt8]()
            do {
                try trial.runCommand(&input, answer: &answer)
            } catch {
                break
            }
            trial.pending = Array(pending[input.position...])
            self = trial
            output += answer
        }
        return output
    }

    /// Writes `bytes` at the start of the response buffer, leaving the rest as it was.
    mutating func respond(_ bytes: [UInt8]) {
        responseBuffer.replaceSubrange(0..<bytes.count, with: bytes)
    }
}

/// Something the card did with an ECM or EMM, as ``VirtualCard/events`` records it.
public enum CardEvent: Sendable, Hashable {
    /// The card processed an ECM (command 0x14).
    case ecm(ECMDecision)
    /// The card processed an EMM (command 0x12).
    case emm(EMMEffect)
}
