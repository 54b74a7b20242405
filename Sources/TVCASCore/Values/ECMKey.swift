/// The 32-byte ECM key: two 16-byte 3DES keys, the first for table 0x80 (even crypto periods),
/// the second for table 0x81 (odd).
///
/// The text is kept exactly as written, because the card `.bin` carries the MD5 of that text
/// (case matters, decisions.md §1). Two keys are the same key when their bytes are equal
/// (``sameKey(as:)``), whatever the case of their text.
public struct ECMKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as configured, unchanged.
    public let text: String
    /// The 32 key bytes.
    public let bytes: [UInt8]

    /// A key from exactly 64 hex digits, either case; the text is kept as given.
    public init(hex text: some StringProtocol) throws(ValueError) {
        guard let bytes = Hex.decode(text, count: 32) else { throw .badECMKey(String(text)) }
        self.text = String(text)
        self.bytes = bytes
    }

    /// The 16-byte key for table 0x80 (even crypto periods): bytes 0–15.
    public var evenHalf: ArraySlice<UInt8> { bytes[0..<16] }

    /// The 16-byte key for table 0x81 (odd crypto periods): bytes 16–31.
    public var oddHalf: ArraySlice<UInt8> { bytes[16..<32] }

    /// Whether `other` holds the same key bytes (the texts may differ in case).
    public func sameKey(as other: ECMKey) -> Bool { bytes == other.bytes }

    public var description: String { text }
}
