import Foundation

/// A private MariaDB server for a test run: its own data folder under `/tmp`, its own socket,
/// optionally a loopback TCP port, started with `--no-defaults` so the distribution's
/// configuration stays out of the way (stack-notes.md).
///
/// Test suites share one server (``shared()``) and each takes a database of its own
/// (``makeDatabase(prefix:)``); the shared server is shut down and its folder removed when the
/// test process exits.
public final class MariaDBServer: @unchecked Sendable {
    /// The folder holding the data, socket, pid file and log.
    public let directory: ScratchDirectory
    /// The server's unix socket.
    public let socketPath: String
    /// The loopback TCP port, when the server listens on one.
    public let port: Int?

    private let lock = NSLock()
    private var process: Process?
    private var databaseCounter = 0

    /// Creates the data folder (`mariadb-install-db`) and starts `mariadbd`.
    ///
    /// - Parameter tcp: also listen on 127.0.0.1 at a free port.
    public static func start(tcp: Bool = true) throws -> MariaDBServer {
        let directory = try ScratchDirectory(prefix: "tvcas-mariadb")
        let server = MariaDBServer(directory: directory, port: tcp ? freeLoopbackPort() : nil)
        do {
            try server.install()
            try server.launch()
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private init(directory: ScratchDirectory, port: Int?) {
        self.directory = directory
        self.socketPath = directory.path("mysqld.sock")
        self.port = port
    }

    private static var runsAsRoot: Bool { geteuid() == 0 }

    private func install() throws {
        // Its own tmpdir: the bootstrap's temporary tables never meet another server's in /tmp.
        try FileManager.default.createDirectory(atPath: directory.path("tmp"), withIntermediateDirectories: true)
        var arguments = [
            "--no-defaults", "--datadir=\(directory.path("data"))", "--tmpdir=\(directory.path("tmp"))",
            "--auth-root-authentication-method=socket", "--skip-test-db",
        ]
        if Self.runsAsRoot {
            _ = try Subprocess.check("chown", ["mysql:mysql", directory.url.path, directory.path("tmp")])
            arguments.insert("--user=mysql", at: 1)
        }
        try Subprocess.check("mariadb-install-db", arguments)
    }

    private func launch() throws {
        var arguments = [
            "--no-defaults",
            "--datadir=\(directory.path("data"))",
            "--tmpdir=\(directory.path("tmp"))",
            "--socket=\(socketPath)",
            "--pid-file=\(directory.path("mysqld.pid"))",
            "--log-error=\(directory.path("error.log"))",
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
            "--innodb-buffer-pool-size=128M",
            "--innodb-flush-log-at-trx-commit=2",
            "--max-connections=500",
        ]
        if let port {
            arguments += ["--bind-address=127.0.0.1", "--port=\(port)"]
        } else {
            arguments.append("--skip-networking")
        }
        if Self.runsAsRoot { arguments.insert("--user=mysql", at: 1) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Subprocess.resolve("mariadbd"))
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        try waitUntilReady()
    }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let result = try? Subprocess.run("mariadb-admin", ["-uroot", "-S", socketPath, "ping"]),
                result.status == 0
            {
                return
            }
            if lock.withLock({ process?.isRunning == false }) { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOfFile: directory.path("error.log"), encoding: .utf8)) ?? ""
        throw HarnessError.serverDidNotStart("mariadbd", log: String(log.suffix(2000)))
    }

    /// Shuts the server down and waits for it to exit; the data folder stays (see ``restart()``).
    public func shutdown() {
        guard let process = lock.withLock({ self.process }) else { return }
        _ = try? Subprocess.run("mariadb-admin", ["-uroot", "-S", socketPath, "shutdown"])
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        lock.withLock { self.process = nil }
    }

    /// Stops the server and starts it again on the same data, socket and port: a real outage
    /// for the reconnection tests.
    public func restart() throws {
        shutdown()
        try launch()
    }

    /// Shuts the server down and removes its folder.
    public func stop() {
        shutdown()
        directory.remove()
    }

    /// Whether the server process is running.
    public var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    // MARK: Databases

    /// Creates an empty database with a name unique on this server (`prefix_N`).
    public func makeDatabase(prefix: String = "test") throws -> String {
        let name = lock.withLock {
            databaseCounter += 1
            return "\(prefix)_\(getpid())_\(databaseCounter)"
        }
        try execute("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        return name
    }

    /// Drops a database made by ``makeDatabase(prefix:)``.
    public func dropDatabase(_ name: String) {
        _ = try? execute("DROP DATABASE IF EXISTS `\(name)`")
    }

    /// Loads an SQL file (a dump or a schema) into `database` with the `mariadb` client.
    public func load(_ file: URL, into database: String) throws {
        let sql = try Data(contentsOf: file)
        try Subprocess.check("mariadb", clientArguments(database: database), input: sql)
    }

    /// Runs SQL with the `mariadb` client as root and returns its batch output (tab-separated,
    /// no column names, raw values).
    @discardableResult
    public func execute(_ sql: String, database: String? = nil) throws -> String {
        let arguments = clientArguments(database: database) + ["-B", "-N", "-r", "-e", sql]
        return try Subprocess.check("mariadb", arguments).output
    }

    private func clientArguments(database: String?) -> [String] {
        var arguments = ["-uroot", "-S", socketPath, "--default-character-set=utf8mb4"]
        if let database { arguments.append(database) }
        return arguments
    }

    // MARK: The shared server

    nonisolated(unsafe) private static var sharedServer: MariaDBServer?
    private static let sharedLock = NSLock()

    /// The server shared by every suite of this test process, started on first use and removed
    /// when the process exits.
    public static func shared() throws -> MariaDBServer {
        try sharedLock.withLock {
            if let server = sharedServer { return server }
            let server = try MariaDBServer.start(tcp: true)
            sharedServer = server
            atexit {
                MariaDBServer.sharedServer?.stop()
            }
            return server
        }
    }
}
