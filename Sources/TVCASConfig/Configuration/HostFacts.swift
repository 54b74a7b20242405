import Foundation

/// What the defaults of some keys depend on: the host's zone and name, and where the SQL files
/// are. ``current`` reads them from the running system; tests pass their own.
public struct HostFacts: Hashable, Sendable {
    /// The default of `zone`: the host's zone.
    public var zone: ConfiguredZone
    /// The default of `[supervise] host`: the machine's host name.
    public var hostName: String
    /// The default of `sql_dir`: `./sql` of the checkout the program runs from, else
    /// `/usr/local/share/tvcas/sql`.
    public var sqlDirectory: String

    /// Facts from their parts.
    public init(zone: ConfiguredZone, hostName: String, sqlDirectory: String) {
        self.zone = zone
        self.hostName = hostName
        self.sqlDirectory = sqlDirectory
    }

    /// The installed location of the SQL files.
    public static let installedSQLDirectory = "/usr/local/share/tvcas/sql"

    /// The running system's facts.
    public static var current: HostFacts {
        HostFacts(zone: .host, hostName: machineHostName(), sqlDirectory: checkoutSQLDirectory() ?? installedSQLDirectory)
    }

    /// `gethostname(2)`, or `localhost` when it fails.
    static func machineHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    /// `sql/` of the checkout holding the running executable (`<root>/.build/<config>/tvcas`) or
    /// the current directory, when it has `Package.swift` and `sql/`.
    static func checkoutSQLDirectory() -> String? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        while url.path != "/" && !url.path.isEmpty {
            url.deleteLastPathComponent()
            if url.lastPathComponent == ".build" {
                candidates.append(url.deletingLastPathComponent())
                break
            }
        }
        candidates.append(URL(fileURLWithPath: fileManager.currentDirectoryPath))
        for root in candidates {
            let sql = root.appendingPathComponent("sql")
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
                fileManager.fileExists(atPath: sql.path, isDirectory: &isDirectory), isDirectory.boolValue
            {
                return sql.path
            }
        }
        return nil
    }
}
