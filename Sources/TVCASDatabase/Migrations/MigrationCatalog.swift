import Foundation

/// What `sql/` holds: the original schema and the migrations, in version order.
public struct MigrationCatalog: Sendable {
    /// `schema.sql` as version 0 (`0000_original_tables`).
    public let schema: Migration
    /// The files of `migrations/`, by ascending version.
    public let migrations: [Migration]

    /// The version of the migration that creates the ledger and the lease table; `tvcas migrate`
    /// runs it before taking the lease.
    public static let ledgerVersion = 1

    /// Reads `directory` (a `sql/` folder).
    public init(directory: URL) throws(MigrationError) {
        let schemaURL = directory.appendingPathComponent("schema.sql")
        schema = Migration(version: 0, name: "original_tables", contents: try Self.read(schemaURL))
        let folder = directory.appendingPathComponent("migrations")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
        } catch {
            throw .unreadableSQL(path: folder.path, reason: error.localizedDescription)
        }
        var migrations: [Migration] = []
        for file in names {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]), version > 0,
                stem[..<underscore].count == 4
            else { throw .badFileName(file) }
            let name = String(stem[stem.index(after: underscore)...])
            guard !name.isEmpty else { throw .badFileName(file) }
            migrations.append(Migration(version: version, name: name, contents: try Self.read(folder.appendingPathComponent(file))))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw .duplicateVersion(a.version)
        }
        self.migrations = migrations
    }

    private static func read(_ url: URL) throws(MigrationError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw .unreadableSQL(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The migration with this version, the schema for 0.
    public func migration(version: Int) -> Migration? {
        version == 0 ? schema : migrations.first { $0.version == version }
    }
}
