import Foundation
import TVCASTesting

/// One `tvcas web` process on a unix socket, configured with the cluster's host list: the billing
/// API as a web host of an HA installation runs it.
final class WebProcess: @unchecked Sendable {
    let directory: ScratchDirectory
    let socketPath: String
    let process: Process

    init(database: ClusterDatabase, workers: Int = 4) throws {
        directory = try ScratchDirectory(prefix: "tvcas-haweb")
        socketPath = directory.path("web.sock")
        let config = """
            ecm_key = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
            pass_admin = "admin-test-password"
            pass_oper = "oper-test-password"
            api_key = "\(Self.apiKey)"
            mysql_server = "\(database.cluster.hostList)"
            mysql_user = "\(database.cluster.user)"
            mysql_pass = "\(database.cluster.password)"
            mysql_base = "\(database.name)"
            sql_dir = "\(RepositoryPaths.sql.path)"
            log_level = "notice"
            [web]
            secret = "web-test-secret-0123456789"
            listen = "unix:\(socketPath)"
            workers = \(workers)

            """
        try config.write(toFile: directory.path("tvcas.toml"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["web", "--config", directory.path("tvcas.toml")]
        _ = FileManager.default.createFile(atPath: directory.path("web.log"), contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path("web.log")))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: socketPath) {
            guard Date() < deadline, process.isRunning else {
                throw HarnessError.serverDidNotStart("tvcas web", log: self.log)
            }
            usleep(20_000)
        }
    }

    static let apiKey = "ha-test-api-key"

    /// The process's log so far.
    var log: String { (try? String(contentsOfFile: directory.path("web.log"), encoding: .utf8)) ?? "" }

    /// `GET /api.php?<query>` straight to the responder with `cgi-fcgi`, as nginx would send it.
    func api(_ query: String) throws -> (status: Int, body: String) {
        let environment = [
            "REQUEST_METHOD": "GET", "SCRIPT_NAME": "/api.php", "DOCUMENT_URI": "/api.php", "REQUEST_URI": "/api.php?\(query)",
            "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1", "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": "127.0.0.9",
            "SERVER_NAME": "localhost", "SERVER_PORT": "80", "CONTENT_LENGTH": "0", "HTTP_X_API_KEY": Self.apiKey,
        ]
        let result = try Subprocess.run("cgi-fcgi", ["-bind", "-connect", socketPath], input: Data(), environment: environment)
        let text = result.output
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        var status = 200
        for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("status:") {
            status = Int(line.dropFirst(7).trimmingCharacters(in: .whitespaces).prefix(3)) ?? 0
        }
        if parts.count < 2 { status = 0 }
        return (status, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// SIGTERM, wait, remove the folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        directory.remove()
    }
}
