/// Why `tvcas migrate` stopped.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// The `sql/` folder or one of its files could not be read.
    case unreadableSQL(path: String, reason: String)
    /// A file in `migrations/` is not named `NNNN_name.sql`.
    case badFileName(String)
    /// Two files carry the same version number.
    case duplicateVersion(Int)
    /// The database has a migration this binary does not know: it is newer than this tvcas.
    case unknownMigration(String)
    /// Some original tables exist and others do not: not an empty database, not a TVCAS3 one.
    case partialOriginalSchema(present: [String], missing: [String])
    /// An original table exists but its columns are not those of `schema.sql`.
    case columnsDiffer(table: String, detail: String)
    /// Another `tvcas migrate` held the lease for the whole wait.
    case leaseBusy(owner: String)
    /// Our lease expired while we were migrating and another run took it.
    case leaseLost
    /// A statement of a migration failed; the migrations before it are complete and recorded.
    case statementFailed(migration: String, statement: Int, error: DatabaseError)
    /// A database error outside any one migration.
    case database(DatabaseError)

    public var description: String {
        switch self {
        case .unreadableSQL(let path, let reason): "cannot read \(path): \(reason)"
        case .badFileName(let name): "migration file \(name) is not named NNNN_name.sql"
        case .duplicateVersion(let version): "two migration files have version \(version)"
        case .unknownMigration(let label):
            "the database has migration \(label), which this tvcas does not know: it was migrated by a newer version"
        case .partialOriginalSchema(let present, let missing):
            "the database has some original tables (\(present.joined(separator: ", "))) but not \(missing.joined(separator: ", "))"
        case .columnsDiffer(let table, let detail): "table \(table) does not match schema.sql: \(detail)"
        case .leaseBusy(let owner): "another migration (\(owner)) holds the migration lease"
        case .leaseLost: "the migration lease expired and was taken by another run"
        case .statementFailed(let migration, let statement, let error):
            "migration \(migration) failed at statement \(statement): \(error)"
        case .database(let error): "\(error)"
        }
    }
}
