import Foundation
import TOMLKit

/// The few keys of the TOML configuration (decisions.md §6) that the database commands need.
///
/// Interim: `tvcas migrate` and `tvcas demo-data` read these directly until the full
/// `TVCASConfig.Configuration` loader is merged; then they take their settings from it.
public struct DatabaseConfigFile: Sendable, Equatable {
    /// The file the keys came from.
    public var path: String
    /// `mysql_server` (default `localhost`).
    public var server: String
    /// `mysql_port` (default 3306).
    public var port: Int
    /// `mysql_socket` (default empty).
    public var socket: String
    /// `mysql_user`.
    public var user: String
    /// `mysql_pass`.
    public var password: String
    /// `mysql_base`.
    public var database: String
    /// `sql_dir` (empty: `./sql` in a checkout, else `/usr/local/share/tvcas/sql`).
    public var sqlDir: String
    /// `ecm_key` (64 hex), given to the demo ECMG row.
    public var ecmKey: String

    /// The path by precedence: `--config` > `$TVCAS_CONFIG` > `/etc/tvcas/tvcas.toml`.
    public static func path(option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let env = ProcessInfo.processInfo.environment["TVCAS_CONFIG"], !env.isEmpty { return env }
        return "/etc/tvcas/tvcas.toml"
    }

    /// Reads the keys from the file at `path`.
    public init(path: String) throws(DatabaseSettingsError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            throw .unreadableConfig(path: path, reason: "\(error)")
        }
        func string(_ key: String, _ fallback: String) throws(DatabaseSettingsError) -> String {
            guard let value = table[key] else { return fallback }
            guard let text = value.string else { throw .badKey(key, expected: "a string") }
            return text
        }
        self.path = path
        server = try string("mysql_server", "localhost")
        socket = try string("mysql_socket", "")
        user = try string("mysql_user", "tvcas")
        password = try string("mysql_pass", "")
        database = try string("mysql_base", "tvcas")
        sqlDir = try string("sql_dir", "")
        ecmKey = try string("ecm_key", "")
        if let value = table["mysql_port"] {
            guard let number = value.int else { throw .badKey("mysql_port", expected: "an integer") }
            port = number
        } else {
            port = 3306
        }
    }

    /// The connection settings by the connection rule.
    public func settings() throws(DatabaseSettingsError) -> DatabaseSettings {
        try DatabaseSettings(server: server, port: port, socket: socket, user: user, password: password, database: database)
    }
}
