import TVCASCore

/// Session ids, CSRF tokens and card keys from the system's CSPRNG.
enum PanelRandom {
    /// `count` random bytes as lowercase hex.
    static func hexToken(bytes count: Int = 32) throws -> String {
        hex(try bytes(count))
    }

    /// `count` random bytes.
    static func bytes(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        try buffer.withUnsafeMutableBytes { try SystemRandomSource().fill($0) }
        return buffer
    }

    /// Bytes as lowercase hex.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
