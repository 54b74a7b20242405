import Foundation
import TVCASDatabase
import TVCASTesting

/// A database of its own on a real MariaDB for one test, reached through its unix socket as root.
struct TestDatabase {
    let server: MariaDBServer
    let name: String

    /// A fresh empty database on the shared server (or on `server`).
    init(server: MariaDBServer? = nil, prefix: String = "db") throws {
        self.server = try server ?? MariaDBServer.shared()
        self.name = try self.server.makeDatabase(prefix: prefix)
    }

    var settings: DatabaseSettings {
        DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: name, connectTimeout: 5, readTimeout: 30)
    }

    /// The repository's `sql/` folder.
    static var catalog: MigrationCatalog {
        get throws { try MigrationCatalog(directory: RepositoryPaths.sql) }
    }

    /// A migrated database.
    static func migrated(prefix: String = "db") throws -> TestDatabase {
        let database = try TestDatabase(prefix: prefix)
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        try Migrator(catalog: catalog).migrate(on: connection)
        return database
    }

    /// Runs SQL with the `mariadb` client.
    @discardableResult
    func sql(_ text: String) throws -> String {
        try server.execute(text, database: name)
    }

    func drop() { server.dropDatabase(name) }
}
