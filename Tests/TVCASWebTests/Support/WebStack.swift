import Foundation
import TVCASDatabase
import TVCASTesting

/// The real stack for one suite: a database on the shared MariaDB freshly loaded from the
/// fixture and migrated, `tvcas web` started as a process on a unix socket, and optionally the
/// harness's nginx in front of it.
final class WebStack: @unchecked Sendable {
    let server: MariaDBServer
    let database: String
    let directory: ScratchDirectory
    let socketPath: String
    let process: Process
    let nginx: NginxServer?
    /// The text of the stack's `tvcas.toml` (top-level keys first, then `[web]`).
    let configText: String

    init(withNginx: Bool = true, workers: Int = 4, uploadMaxMegabytes: Int? = nil) throws {
        server = try MariaDBServer.shared()
        database = try server.makeDatabase(prefix: "web")
        try server.load(RepositoryPaths.fixtureDump, into: database)
        let connection = Connection(
            settings: DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: database))
        try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
        connection.close()
        directory = try ScratchDirectory(prefix: "tvcas-web")
        socketPath = directory.path("web.sock")
        let config = """
            ecm_key = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
            pass_admin = "admin-test-password"
            pass_oper = "oper-test-password"
            api_key = "trololoapi"
            mysql_socket = "\(server.socketPath)"
            mysql_user = "root"
            mysql_pass = ""
            mysql_base = "\(database)"
            sql_dir = "\(RepositoryPaths.sql.path)"
            log_level = "warning"
            [web]
            secret = "web-test-secret-0123456789"
            listen = "unix:\(socketPath)"
            workers = \(workers)
            \(uploadMaxMegabytes.map { "upload_max_mb = \($0)" } ?? "")

            """
        configText = config
        try config.write(toFile: directory.path("tvcas.toml"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["web", "--config", directory.path("tvcas.toml")]
        _ = FileManager.default.createFile(atPath: directory.path("web.log"), contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path("web.log")))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: socketPath) {
            guard Date() < deadline, process.isRunning else {
                let text = (try? String(contentsOfFile: directory.path("web.log"), encoding: .utf8)) ?? ""
                throw HarnessError.serverDidNotStart("tvcas web", log: text)
            }
            usleep(20_000)
        }
        nginx = withNginx ? try NginxServer.start(fastCGIAddress: "unix:\(socketPath)") : nil
    }

    /// The responder's log so far.
    var log: String { (try? String(contentsOfFile: directory.path("web.log"), encoding: .utf8)) ?? "" }

    /// A FastCGI client straight to the responder.
    var fastCGI: FastCGIClient { FastCGIClient(address: socketPath) }

    /// Runs SQL as root and returns the batch output without the final newline.
    @discardableResult
    func sql(_ text: String) throws -> String {
        var output = try server.execute(text, database: database)
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    /// `GET /api.php?<query>` through nginx with curl: status, headers (lowercased names), body.
    func get(_ query: String, headers: [String: String] = [:]) throws -> (status: Int, headers: [String: String], body: String) {
        let url = nginx!.baseURL.absoluteString + "/api.php?" + query
        var arguments = ["-sS", "-g", "-D", "-", "--max-time", "30", url]
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        let output = try Subprocess.check("curl", arguments).standardOutput
        let bytes = [UInt8](output)
        var split = bytes.count
        for index in 0..<max(0, bytes.count - 3) where bytes[index..<index + 4].elementsEqual([13, 10, 13, 10]) {
            split = index
            break
        }
        let head = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var parsed: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, parsed, String(decoding: bytes[min(split + 4, bytes.count)...], as: UTF8.self))
    }

    /// Stops nginx and the responder (SIGTERM), drops the database and removes the folder.
    func stop() {
        nginx?.stop()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        server.dropDatabase(database)
        directory.remove()
    }
}
