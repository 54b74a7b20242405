import Foundation

/// A daemon's copy of its row in the state directory (decisions.md §3), written after every
/// successful load and read when the database is unreachable at start. Readable by its owner
/// only (it holds keys).
public struct SavedSettingsFile<Settings: Codable>: Sendable {
    /// The file's path.
    public let path: String

    /// The copy at `directory/name`.
    public init(directory: String, name: String) {
        path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    /// Writes `settings` (atomically, mode 0600), creating the directory if needed.
    public func save(_ settings: Settings) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: try encoder.encode(settings), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The saved copy, or `nil` when there is none or it cannot be read.
    public func load() -> Settings? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Settings.self, from: data)
    }
}
