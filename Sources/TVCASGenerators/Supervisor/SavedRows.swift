import Foundation

/// The supervisor's copy of the generators it runs, kept in `state_dir` so that a supervisor
/// restarted while the database is unreachable starts the same children again (decisions.md §3).
public struct SavedRows: Codable, Hashable, Sendable {
    /// One generator and its row's fingerprint.
    public struct Entry: Codable, Hashable, Sendable {
        /// Which generator.
        public var key: GeneratorKey
        /// Its row's fingerprint when saved.
        public var fingerprint: String
    }

    /// The host that saved the copy.
    public var host: String
    /// The generators it ran.
    public var entries: [Entry]

    /// A copy of `desired`.
    public init(host: String, desired: [GeneratorKey: String]) {
        self.host = host
        self.entries = desired.map { Entry(key: $0.key, fingerprint: $0.value) }.sorted { $0.key < $1.key }
    }

    /// The generators as ``SupervisorStateMachine/setDesired(_:)`` takes them.
    public var desired: [GeneratorKey: String] {
        Dictionary(entries.map { ($0.key, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
    }

    /// The file in `stateDirectory` for `host`.
    public static func url(stateDirectory: String, host: String) -> URL {
        let safe = String(host.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
        return URL(fileURLWithPath: stateDirectory).appendingPathComponent("supervise-\(safe).json")
    }

    /// Reads the copy; nil when there is none or it cannot be read.
    public static func load(from url: URL) -> SavedRows? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(SavedRows.self, from: data)
    }

    /// Writes the copy atomically (a temporary file renamed over the old one).
    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
