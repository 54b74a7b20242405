/// The 3 CAM bytes a host sends with command 0x11, which pairing binds a card to.
///
/// OSCam sends E0 30 2B; a card that has not seen command 0x11 since power-up holds 00 00 00.
public struct CAMIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The three bytes.
    public let bytes: [UInt8]

    /// The identifier of a card that has seen no command 0x11: 00 00 00.
    public static let none = CAMIdentifier(0, 0, 0)

    /// OSCam's Conax reader's CAM bytes.
    public static let oscam = CAMIdentifier(0xE0, 0x30, 0x2B)

    /// Three bytes.
    public init(_ byte0: UInt8, _ byte1: UInt8, _ byte2: UInt8) {
        bytes = [byte0, byte1, byte2]
    }

    /// Six hex digits, e.g. `E0302B`.
    public init(hex: String) throws(CAMIdentifierError) {
        guard let parsed = Hex.decode(hex), parsed.count == 3 else { throw .notSixHexDigits(hex) }
        bytes = parsed
    }

    /// Whether all three bytes are zero.
    public var isZero: Bool { bytes == [0, 0, 0] }

    /// Upper-case hex, e.g. `E0302B`.
    public var description: String { Hex.encode(bytes) }
}

/// Why text could not be read as a CAM identifier.
public enum CAMIdentifierError: Error, Equatable, CustomStringConvertible {
    /// The text was not exactly six hex digits.
    case notSixHexDigits(String)

    public var description: String {
        switch self {
        case .notSixHexDigits(let text): "a CAM id is 6 hex digits, got \"\(text)\""
        }
    }
}
