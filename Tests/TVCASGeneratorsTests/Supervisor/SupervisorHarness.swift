import Foundation
import TVCASDatabase
import TVCASTesting

#if canImport(Glibc)
    import Glibc
#endif

/// A real `tvcas supervise` process on a scratch database, with a stand-in generator: a small
/// Python program that takes the daemons' command line, listens on its `--metrics` port (the
/// "is it running" probe), exits 0 on SIGTERM, exits 3 when a file `exit3-<kind>-<id>` exists in
/// the scratch folder, and writes its pid to `<kind>-<id>.pid`.
final class SupervisorHarness: @unchecked Sendable {
    let server: MariaDBServer
    let database: String
    let scratch: ScratchDirectory
    let childPortBase: Int
    private(set) var supervisors: [String: Process] = [:]
    private(set) var metricsPorts: [String: Int] = [:]

    static let standIn = """
        #!/usr/bin/python3
        import os, signal, socket, sys, time
        kind = sys.argv[1]
        args = dict(zip(sys.argv[2::2], sys.argv[3::2]))
        folder = os.path.dirname(args["--config"])
        ident = args["--id"]
        if os.path.exists(os.path.join(folder, "exit3-%s-%s" % (kind, ident))):
            sys.stderr.write("stand-in %s %s: not configured\\n" % (kind, ident))
            sys.exit(3)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        host, port = args["--metrics"].rsplit(":", 1)
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        for _ in range(100):
            try:
                listener.bind((host, int(port)))
                break
            except OSError:
                time.sleep(0.05)
        listener.listen(16)
        with open(os.path.join(folder, "%s-%s.pid" % (kind, ident)), "w") as f:
            f.write(str(os.getpid()))
        while True:
            connection, _ = listener.accept()
            connection.close()
        """

    /// A migrated database on `server` (default: the shared server) and a scratch folder.
    init(server: MariaDBServer? = nil) throws {
        self.server = try server ?? MariaDBServer.shared()
        self.database = try self.server.makeDatabase(prefix: "supervise")
        self.scratch = try ScratchDirectory(prefix: "tvcas-supervise")
        self.childPortBase = 20_000 + Int.random(in: 0..<8_000)
        let connection = Connection(settings: settings)
        defer { connection.close() }
        try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
        try Self.standIn.write(toFile: scratch.path("standin.py"), atomically: true, encoding: .utf8)
        chmod(scratch.path("standin.py"), 0o755)
    }

    var settings: DatabaseSettings {
        DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: database, connectTimeout: 5, readTimeout: 30)
    }

    /// Runs SQL with the `mariadb` client.
    @discardableResult
    func sql(_ text: String) throws -> String { try server.execute(text, database: database) }

    /// Inserts an ECMG row and returns its id.
    func insertECMG(enable: Int, runOn: String = "") throws -> UInt32 {
        let connection = Connection(settings: settings)
        defer { connection.close() }
        return try connection.ecmgs.insert(ECMGRow(port: 0, enable: UInt32(enable), runOn: runOn))
    }

    /// Inserts an EMMG row and returns its id.
    func insertEMMG(enable: Int) throws -> UInt32 {
        let connection = Connection(settings: settings)
        defer { connection.close() }
        return try connection.emmgs.insert(EMMGRow(host: "127.0.0.1", port: 1, enable: UInt32(enable)))
    }

    func ecmgPort(_ id: UInt32) -> Int { childPortBase + Int(id) }
    func emmgPort(_ id: UInt32) -> Int { childPortBase + 5000 + Int(id) }

    /// Writes the configuration of supervisor `host` and starts it; its children are the stand-in
    /// unless `realChildren` (then the real `tvcas ecmg` / `tvcas emmg`).
    func startSupervisor(host: String, grace: Int = 2, realChildren: Bool = false) throws {
        let folder = scratch.path(host)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let metricsPort = metricsPorts[host] ?? freeLoopbackPort()
        metricsPorts[host] = metricsPort
        let config = """
            ecm_key = "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58"
            pass_admin = "Adm1n-secret"
            pass_oper = "oper-secret"
            api_key = "mysecretkey123"
            mysql_socket = "\(server.socketPath)"
            mysql_user = "root"
            mysql_pass = ""
            mysql_base = "\(database)"
            state_dir = "\(folder)/state"

            [web]
            secret = "0123456789abcdefghijklmnopqrstuv"

            [supervise]
            host = "\(host)"
            grace_seconds = \(grace)
            max_backoff_seconds = 4

            [metrics]
            listen = "127.0.0.1:\(metricsPort)"
            child_port_base = \(childPortBase)

            """
        // Every supervisor shares the scratch folder for the stand-in's pid and exit-3 files.
        try config.write(toFile: scratch.path("\(host).toml"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["supervise", "--config", scratch.path("\(host).toml")]
        if !realChildren { process.arguments! += ["--child-command", scratch.path("standin.py")] }
        _ = FileManager.default.createFile(atPath: scratch.path("\(host).log"), contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path("\(host).log")))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        supervisors[host] = process
    }

    /// Sends `signal` to supervisor `host` and waits for it to end; returns its exit status.
    @discardableResult
    func stopSupervisor(host: String, signal: Int32) -> Int32 {
        guard let process = supervisors[host] else { return -1 }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        supervisors[host] = nil
        return process.terminationStatus
    }

    /// The supervisor's log so far.
    func log(_ host: String) -> String { (try? String(contentsOfFile: scratch.path("\(host).log"), encoding: .utf8)) ?? "" }

    /// The pid the stand-in for `kind`/`id` wrote last.
    func childPID(_ kind: String, _ id: UInt32) -> Int32? {
        guard let text = try? String(contentsOfFile: scratch.path("\(kind)-\(id).pid"), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `/targets` of supervisor `host`.
    func targets(_ host: String) -> String { get(host, "/targets") }

    /// A page of supervisor `host`'s metrics server ("" when it does not answer).
    func get(_ host: String, _ path: String) -> String {
        let script = "import urllib.request,sys; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())"
        let result = try? Subprocess.run("/usr/bin/python3", ["-c", script, "http://127.0.0.1:\(metricsPorts[host] ?? 0)\(path)"])
        return result?.output ?? ""
    }

    /// The `tvcas_logs` messages written by the supervisors (user `sys`), oldest first.
    func systemLog() throws -> [String] {
        try sql("SELECT msg FROM tvcas_logs WHERE user = 'sys' ORDER BY id").split(separator: "\n").map(String.init)
    }

    func cleanUp() {
        for host in supervisors.keys { stopSupervisor(host: host, signal: SIGKILL) }
        server.dropDatabase(database)
        scratch.remove()
    }
}

/// Whether process `pid` exists and is not a zombie.
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass; returns the seconds it took,
/// nil on timeout.
func waitFor(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < seconds {
        if try condition() { return Date().timeIntervalSince(start) }
        usleep(50_000)
    }
    return try condition() ? Date().timeIntervalSince(start) : nil
}
