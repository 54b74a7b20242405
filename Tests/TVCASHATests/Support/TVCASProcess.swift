import Foundation
import TVCASTesting

/// One `tvcas` process (`web`, `ecmg --id N`, `emmg --id N`, `supervise`) configured with the
/// cluster's host list, as a host of an HA installation runs it; its log in its own folder.
final class TVCASProcess: @unchecked Sendable {
    let directory: ScratchDirectory
    let process: Process
    let name: String

    /// The configuration file's text for `database` (`[web]` listens on `web.sock` in `folder`);
    /// `extra` is appended (more tables).
    static func configuration(database: ClusterDatabase, folder: String, extra: String = "") -> String {
        """
        ecm_key = "\(ecmKey)"
        pass_admin = "admin-test-password"
        pass_oper = "oper-test-password"
        api_key = "\(apiKey)"
        ident = "0B00"
        mysql_server = "\(database.cluster.hostList)"
        mysql_user = "\(database.cluster.user)"
        mysql_pass = "\(database.cluster.password)"
        mysql_base = "\(database.name)"
        sql_dir = "\(RepositoryPaths.sql.path)"
        state_dir = "\(folder)/state"
        log_level = "info"
        [web]
        secret = "web-test-secret-0123456789"
        listen = "unix:\(folder)/web.sock"
        workers = 4
        \(extra)
        """
    }

    static let apiKey = "ha-test-api-key"
    static let ecmKey = "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"

    /// Writes the configuration and starts `tvcas <arguments> --config FILE`.
    init(_ arguments: [String], database: ClusterDatabase, extra: String = "") throws {
        directory = try ScratchDirectory(prefix: "tvcas-ha-\(arguments[0])")
        name = arguments.joined(separator: " ")
        let configuration = Self.configuration(database: database, folder: directory.url.path, extra: extra)
        try configuration.write(toFile: directory.path("tvcas.toml"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = arguments + ["--config", directory.path("tvcas.toml")]
        _ = FileManager.default.createFile(atPath: directory.path("out.log"), contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path("out.log")))
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// The process's output so far.
    var log: String { (try? String(contentsOfFile: directory.path("out.log"), encoding: .utf8)) ?? "" }

    var isRunning: Bool { process.isRunning }

    /// SIGKILL (a host that dies) and wait.
    func killHard() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
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

/// Polls `condition` every 100 ms until it holds or `seconds` pass.
func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(100_000)
    }
    return try condition()
}
