/// PHP's two URL decoders, on bytes.
public enum PHPURLDecoding {
    /// `urldecode()`: `+` becomes a space, `%XX` (two hex digits) the byte; any other `%` stays.
    public static func decode<Bytes: Collection<UInt8>>(_ input: Bytes) -> [UInt8] {
        decode(input, plusAsSpace: true)
    }

    /// `rawurldecode()`: as ``decode(_:)`` but `+` stays a `+`.
    public static func rawDecode<Bytes: Collection<UInt8>>(_ input: Bytes) -> [UInt8] {
        decode(input, plusAsSpace: false)
    }

    private static func decode<Bytes: Collection<UInt8>>(_ input: Bytes, plusAsSpace: Bool) -> [UInt8] {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") && plusAsSpace {
                output.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
