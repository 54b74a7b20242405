/// One file of `sql/migrations/`: `NNNN_name.sql`, or the original schema as version 0.
public struct Migration: Sendable, Equatable {
    /// The number in the file name; 0 is `schema.sql`.
    public let version: Int
    /// The name after the number (`logs_ip_45`).
    public let name: String
    /// The statements, in order.
    public let statements: [String]
    /// SHA-256 of the file, lowercase hex.
    public let checksum: String

    /// A migration from a file's bytes.
    public init(version: Int, name: String, contents: [UInt8]) {
        self.version = version
        self.name = name
        self.statements = SQLScript.statements(in: String(decoding: contents, as: UTF8.self))
        self.checksum = SHA256Digest.hex(of: contents)
    }

    /// `0007_logs_ip_45`.
    public var label: String { Self.label(version: version, name: name) }

    static func label(version: Int, name: String) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
    }
}
