import Foundation
import TVCASCore
import TVCASDatabase
import TVCASTesting

/// A migrated database with one ECMG row, a configuration file for it, and `tvcas ecmg` run
/// as a real process against them.
final class ECMGDaemonFixture {
    let server: MariaDBServer
    let database: String
    let scratch: ScratchDirectory
    let port: Int
    var id: UInt32 = 0
    var process: Process?

    init(server: MariaDBServer? = nil, configKey: String = ECMGTestSupport.keyText) throws {
        self.server = try server ?? MariaDBServer.shared()
        database = try self.server.makeDatabase(prefix: "ecmg")
        scratch = try ScratchDirectory(prefix: "tvcas-ecmg")
        port = freeLoopbackPort()
        let connection = Connection(settings: settings)
        defer { connection.close() }
        try Migrator(catalog: MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
        let config = """
            ecm_key = "\(configKey)"
            pass_admin = "Adm1n-secret"
            pass_oper = "oper-secret"
            api_key = "mysecretkey123"
            ident = "0B00"
            mysql_socket = "\(self.server.socketPath)"
            mysql_user = "root"
            mysql_base = "\(database)"
            sql_dir = "\(RepositoryPaths.sql.path)"
            state_dir = "\(scratch.path("state"))"
            log_level = "debug"

            [web]
            secret = "0123456789abcdefghijklmnopqrstuv"

            [ecmg]
            cw_log_minutes = 1
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    var settings: DatabaseSettings {
        DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: database, connectTimeout: 5, readTimeout: 30)
    }

    var configPath: String { scratch.path("tvcas.toml") }
    var logPath: String { scratch.path("ecmg.log") }
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Inserts the ECMG row (loopback, the fixture's port) and returns its id.
    @discardableResult
    func insertRow(_ change: (inout ECMGRow) -> Void = { _ in }) throws -> UInt32 {
        var row = ECMGRow(host: 0x7F00_0001, port: UInt16(port), key: ECMGTestSupport.keyText, status: 1, enable: 1)
        change(&row)
        let connection = Connection(settings: settings)
        defer { connection.close() }
        id = try connection.ecmgs.insert(row)
        return id
    }

    func sql(_ text: String) throws -> String {
        try server.execute(text, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts `tvcas ecmg --id <id>`.
    func start(id: UInt32? = nil, extra: [String] = []) throws {
        let process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["ecmg", "--id", String(id ?? self.id), "--config", configPath] + extra
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        self.process = process
    }

    /// Runs `tvcas ecmg` to its end (at most `seconds`) and returns its exit status.
    func runToEnd(id: UInt32, seconds: Double = 20) throws -> Int32 {
        try start(id: id)
        let deadline = Date().addingTimeInterval(seconds)
        while process!.isRunning, Date() < deadline { usleep(20_000) }
        if process!.isRunning { stop(signal: SIGKILL) }
        process!.waitUntilExit()
        return process!.terminationStatus
    }

    /// Waits until the daemon accepts TCP connections.
    func waitUntilListening(seconds: Double = 20) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let client = try? await TestSCSClient(port: port) {
                await client.close()
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError.serverDidNotStart("tvcas ecmg", log: log)
    }

    /// Sends `signal` and waits for the exit; returns the seconds it took and the status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> (seconds: Double, status: Int32) {
        guard let process, process.isRunning else { return (0, process?.terminationStatus ?? -1) }
        let start = Date()
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (Date().timeIntervalSince(start), process.terminationStatus)
    }

    /// Polls `condition` every 100 ms for up to `seconds`.
    func eventually(seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try condition() { return true }
            usleep(100_000)
        } while Date() < deadline
        return false
    }

    deinit {
        stop(signal: SIGKILL)
        server.dropDatabase(database)
        scratch.remove()
    }
}
