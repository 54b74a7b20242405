import Foundation

/// The golden vectors recorded from the original TVCAS3 (`shared/vectors/*.json`).
///
/// Each file is a JSON array of cases; a test declares a `Decodable` struct with the fields it
/// needs and decodes the file with ``cases(_:from:)``.
public enum GoldenVectors {
    /// The raw bytes of a vector file, e.g. `"ecm.json"`.
    public static func data(_ file: String) throws -> Data {
        let url = RepositoryPaths.vectors.appendingPathComponent(file)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw HarnessError.badVectorFile(file, reason: "cannot read \(url.path): \(error)")
        }
    }

    /// Decodes every case of a vector file as `type`.
    public static func cases<Case: Decodable>(_ type: Case.Type, from file: String) throws -> [Case] {
        let data = try data(file)
        do {
            return try JSONDecoder().decode([Case].self, from: data)
        } catch {
            throw HarnessError.badVectorFile(file, reason: "\(error)")
        }
    }
}

extension Data {
    /// Bytes from hex text (either case; spaces ignored); `nil` when the text is not hex.
    public init?(testHex text: String) {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }

    /// Upper-case hex, no separators: the vectors' form.
    public var testHex: String {
        map { String(format: "%02X", $0) }.joined()
    }
}
