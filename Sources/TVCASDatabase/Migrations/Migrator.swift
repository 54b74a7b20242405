import Foundation

/// Brings a database to the schema of a ``MigrationCatalog`` (decisions.md §7).
///
/// On an empty database it creates the original tables from `schema.sql` (as InnoDB on a
/// Galera node) and records them as migration 0000; on a loaded `tvcas.sql` without a ledger it
/// checks the original tables' columns and records 0000 as present. It then applies the pending
/// migrations in order, each recorded in `tvcas_schema_migrations` with its checksum and time.
/// Concurrent runs are serialised by the lease row of `tvcas_schema_lock`, taken by an atomic
/// UPDATE and renewed between statements (never `GET_LOCK`, which is node-local on Galera).
public struct Migrator: Sendable {
    /// The migrations to apply.
    public let catalog: MigrationCatalog
    /// Who we are in the lease row (host, pid and a random part).
    public var owner: String
    /// How long the lease is valid after each renewal, in seconds.
    public var leaseSeconds: Int
    /// How long to wait for another run's lease before giving up, in seconds.
    public var waitSeconds: Double
    /// Stop after this version (tests); nil applies everything.
    public var targetVersion: Int?

    /// A migrator for `catalog`.
    public init(catalog: MigrationCatalog, leaseSeconds: Int = 300, waitSeconds: Double = 900, targetVersion: Int? = nil) {
        self.catalog = catalog
        self.owner = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(RequestID.random().value.prefix(8))"
        self.leaseSeconds = leaseSeconds
        self.waitSeconds = waitSeconds
        self.targetVersion = targetVersion
    }

    /// What one step of a run did.
    public enum Step: Sendable, Equatable, CustomStringConvertible {
        /// The original tables were created from `schema.sql` (as InnoDB when `innoDB`).
        case created(innoDB: Bool)
        /// The original tables were found (a loaded `tvcas.sql`) and recorded.
        case adopted
        /// A migration was applied.
        case applied(String)
        /// Waiting for another run's lease.
        case waiting(owner: String)
        /// A recorded migration's file has changed since it was applied.
        case checksumChanged(String)

        public var description: String {
            switch self {
            case .created(let innoDB):
                "0000_original_tables: created the original tables" + (innoDB ? " (InnoDB: Galera node)" : "")
            case .adopted: "0000_original_tables: adopted the existing original tables"
            case .applied(let label): "\(label): applied"
            case .waiting(let owner): "waiting for the migration lease held by \(owner)"
            case .checksumChanged(let label): "warning: \(label) has changed since it was applied (checksum differs)"
            }
        }
    }

    /// Runs the migration on `connection`; `progress` gets each step as it happens. Returns the
    /// steps that changed the database (empty: nothing to do).
    @discardableResult
    public func migrate(on connection: Connection, progress: (Step) -> Void = { _ in }) throws(MigrationError) -> [Step] {
        guard let ledger = catalog.migration(version: MigrationCatalog.ledgerVersion) else {
            throw .unreadableSQL(path: "migrations/0001_*.sql", reason: "the ledger migration is missing")
        }
        _ = try database {
            for statement in ledger.statements { try connection.executeText(statement) }
            try connection.execute("INSERT IGNORE INTO tvcas_schema_lock (id, owner, lease_until) VALUES (1, '', 0)")
        }
        try acquireLease(on: connection, progress: progress)
        defer { _ = try? connection.execute("UPDATE tvcas_schema_lock SET owner = '', lease_until = 0 WHERE id = 1 AND owner = ?", [owner]) }
        return try migrateHoldingLease(on: connection, progress: progress)
    }

    private func migrateHoldingLease(on connection: Connection, progress: (Step) -> Void) throws(MigrationError) -> [Step] {
        let recorded = try database {
            try connection.query("SELECT version, name, checksum FROM tvcas_schema_migrations ORDER BY version").map {
                (try $0.decode("version", as: Int.self), try $0.decode("name", as: String.self), try $0.decode("checksum", as: String.self))
            }
        }
        for (version, name, checksum) in recorded {
            guard let known = catalog.migration(version: version) else {
                throw .unknownMigration(Migration.label(version: version, name: name))
            }
            if known.checksum != checksum { progress(.checksumChanged(known.label)) }
        }
        let done = Set(recorded.map { $0.0 })
        var steps: [Step] = []
        if !done.contains(0) {
            let step = try createOrAdoptOriginalTables(on: connection)
            try record(catalog.schema, on: connection)
            progress(step)
            steps.append(step)
        }
        for migration in catalog.migrations where !done.contains(migration.version) {
            if let targetVersion, migration.version > targetVersion { break }
            for (index, statement) in migration.statements.enumerated() {
                try renewLease(on: connection)
                do {
                    try connection.executeText(statement)
                } catch {
                    throw .statementFailed(migration: migration.label, statement: index + 1, error: error)
                }
            }
            try record(migration, on: connection)
            progress(.applied(migration.label))
            steps.append(.applied(migration.label))
        }
        return steps
    }

    // MARK: The original tables

    private func createOrAdoptOriginalTables(on connection: Connection) throws(MigrationError) -> Step {
        let present = try database {
            try connection.query(
                """
                SELECT table_name AS name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name IN (?, ?, ?, ?, ?)
                """, OriginalTables.names
            ).map { try $0.decode("name", as: String.self) }
        }
        if present.isEmpty {
            let galera = try isGaleraNode(connection)
            for (index, text) in originalTableStatements(innoDB: galera).enumerated() {
                try renewLease(on: connection)
                do {
                    try connection.executeText(text)
                } catch {
                    throw .statementFailed(migration: catalog.schema.label, statement: index + 1, error: error)
                }
            }
            return .created(innoDB: galera)
        }
        let missing = OriginalTables.names.filter { !present.contains($0) }
        guard missing.isEmpty else { throw .partialOriginalSchema(present: present.sorted(), missing: missing) }
        for table in OriginalTables(schema: catalog.schema).tables {
            let columns = try database {
                try connection.query(
                    """
                    SELECT column_name AS name, column_type AS type FROM information_schema.columns
                    WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position
                    """, [table.name]
                ).map { (try $0.decode("name", as: String.self), try $0.decode("type", as: String.self).lowercased()) }
            }
            let found = Dictionary(columns, uniquingKeysWith: { (first: String, _: String) in first })
            for expected in table.columns {
                guard let type = found[expected.name] else {
                    throw .columnsDiffer(table: table.name, detail: "column \(expected.name) is missing")
                }
                guard type == expected.type else {
                    throw .columnsDiffer(table: table.name, detail: "column \(expected.name) is \(type), schema.sql has \(expected.type)")
                }
            }
        }
        return .adopted
    }

    /// The `CREATE TABLE` statements of `schema.sql`; with `innoDB` (a Galera node) the MyISAM
    /// tables are created as InnoDB, with the same columns.
    public func originalTableStatements(innoDB: Bool) -> [String] {
        catalog.schema.statements.map { innoDB ? $0.replacingOccurrences(of: "ENGINE=MyISAM", with: "ENGINE=InnoDB") : $0 }
    }

    private func isGaleraNode(_ connection: Connection) throws(MigrationError) -> Bool {
        do {
            guard let row = try connection.queryFirst("SELECT @@wsrep_on AS wsrep_on") else { return false }
            return try row.decode("wsrep_on", as: Int.self) == 1
        } catch  where error.code == 1193 {
            return false
        } catch {
            throw .database(error)
        }
    }

    private func record(_ migration: Migration, on connection: Connection) throws(MigrationError) {
        try database {
            try connection.execute(
                "INSERT INTO tvcas_schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, UNIX_TIMESTAMP())",
                [migration.version, migration.name, migration.checksum])
        }
    }

    // MARK: The lease

    private func acquireLease(on connection: Connection, progress: (Step) -> Void) throws(MigrationError) {
        let deadline = Date().addingTimeInterval(waitSeconds)
        var reported: String?
        while true {
            do {
                if try takeLease(on: connection) { return }
            } catch  where error.isDeadlock {
                // Galera: another node's run won the row; look again.
            } catch {
                throw .database(error)
            }
            let holder =
                (try? connection.queryFirst("SELECT owner FROM tvcas_schema_lock WHERE id = 1")?.decode("owner", as: String.self)) ?? "?"
            if isDeadOwnerOnThisHost(holder),
                (try? connection.execute(
                    "UPDATE tvcas_schema_lock SET owner = ?, lease_until = UNIX_TIMESTAMP() + ? WHERE id = 1 AND owner = ?",
                    [owner, leaseSeconds, holder]
                ).affectedRows) == 1
            {
                return
            }
            if Date() > deadline { throw .leaseBusy(owner: holder) }
            if reported != holder {
                progress(.waiting(owner: holder))
                reported = holder
            }
            usleep(250_000)
        }
    }

    /// Whether `holder` names a `tvcas migrate` on this host whose process is gone (interrupted):
    /// its lease need not run out.
    private func isDeadOwnerOnThisHost(_ holder: String) -> Bool {
        let parts = holder.split(separator: ":")
        guard parts.count == 3, parts[0] == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]), pid != getpid() else {
            return false
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    private func takeLease(on connection: Connection) throws(DatabaseError) -> Bool {
        try connection.execute(
            """
            UPDATE tvcas_schema_lock SET owner = ?, lease_until = UNIX_TIMESTAMP() + ?
            WHERE id = 1 AND (owner = '' OR owner = ? OR lease_until < UNIX_TIMESTAMP())
            """, [owner, leaseSeconds, owner]
        ).affectedRows == 1
    }

    private func renewLease(on connection: Connection) throws(MigrationError) {
        let renewed = try database {
            try connection.execute(
                "UPDATE tvcas_schema_lock SET lease_until = UNIX_TIMESTAMP() + ? WHERE id = 1 AND owner = ?", [leaseSeconds, owner]
            ).affectedRows == 1
        }
        if !renewed { throw .leaseLost }
    }

    @discardableResult
    private func database<T>(_ body: () throws -> T) throws(MigrationError) -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw .database(error)
        } catch {
            throw .database(.server(code: 0, sqlState: "HY000", message: "\(error)", sql: ""))
        }
    }
}
