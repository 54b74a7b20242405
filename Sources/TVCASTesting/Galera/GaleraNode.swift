import Foundation

/// One `mariadbd` of the test cluster: its folder, its configuration file and its process.
///
/// The node is started with `--defaults-file=` (never `--no-defaults`): the rsync SST script
/// reads `[mysqld]` from the same file (galera-notes.md §1).
public final class GaleraNode: @unchecked Sendable {
    /// The node's name (`n1`, `n2`, `n3`).
    public let name: String
    /// The node's folder.
    public let directory: String
    /// The node's ports.
    public let ports: GaleraNodePorts
    /// The node's unix socket (the harness talks to it as root through it).
    public var socketPath: String { directory + "/mysqld.sock" }
    /// The node's configuration file.
    public var configurationPath: String { directory + "/my.cnf" }
    /// The node's error log.
    public var errorLogPath: String { directory + "/err.log" }

    private let lock = NSLock()
    private var process: Process?

    init(name: String, directory: String, ports: GaleraNodePorts) {
        self.name = name
        self.directory = directory
        self.ports = ports
    }

    /// Whether the node's process is running.
    public var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    /// The process id of the running node, nil when it is not running.
    public var processIdentifier: Int32? {
        lock.withLock { process.flatMap { $0.isRunning ? $0.processIdentifier : nil } }
    }

    /// Starts `mariadbd` with `arguments` after the defaults file; returns at once.
    func launch(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Subprocess.resolve("mariadbd"))
        process.arguments = ["--defaults-file=\(configurationPath)"] + arguments
        let logPath = directory + "/stdout.log"
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try log.seekToEnd()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
    }

    /// Kills the node with SIGKILL (a crash: no clean leave from the group) and waits for it.
    public func killHard() {
        guard let process = lock.withLock({ self.process }), process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the node cleanly (SIGTERM: it leaves the group and records its position), waiting
    /// up to 60 s before killing it.
    public func shutdown() {
        guard let process = lock.withLock({ self.process }), process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Freezes the node (SIGSTOP: TCP still accepts, nothing answers) — a hung node.
    public func freeze() {
        if let pid = processIdentifier { kill(pid, SIGSTOP) }
    }

    /// Lets a frozen node run again (SIGCONT).
    public func thaw() {
        if let pid = processIdentifier { kill(pid, SIGCONT) }
    }

    /// The position the node's InnoDB holds (`uuid:seqno`), read with `--wsrep-recover`; the node
    /// must be stopped. Starting with it lets a crashed node catch up by IST instead of a full SST.
    func recoveredPosition() throws -> String? {
        let logPath = directory + "/recover.log"
        try? FileManager.default.removeItem(atPath: logPath)
        _ = try Subprocess.run(
            "mariadbd", ["--defaults-file=\(configurationPath)", "--wsrep-recover", "--log-error=\(logPath)"])
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        guard let line = log.components(separatedBy: "\n").last(where: { $0.contains("Recovered position: ") }),
            let range = line.range(of: "Recovered position: ")
        else { return nil }
        let position = line[range.upperBound...].split(separator: " ").first.map(String.init) ?? ""
        return position.hasSuffix(":-1") || position.isEmpty ? nil : position
    }

    // MARK: Talking to the node as root

    /// Runs SQL as root through the node's socket and returns the batch output (tab-separated,
    /// no column names, raw values).
    @discardableResult
    public func execute(_ sql: String, database: String? = nil) throws -> String {
        var arguments = ["--no-defaults", "-uroot", "-S", socketPath, "--default-character-set=utf8mb4", "-B", "-N", "-r"]
        if let database { arguments.append(database) }
        arguments += ["-e", sql]
        return try Subprocess.check("mariadb", arguments).output
    }

    /// A global status variable (`wsrep_ready`, `wsrep_cluster_size` …), nil when the node does
    /// not answer.
    public func status(_ variable: String) -> String? {
        guard let output = try? execute("SHOW GLOBAL STATUS LIKE '\(variable)'") else { return nil }
        let fields = output.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2 else { return nil }
        return fields[1].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the node is a synced member of a primary component that accepts queries.
    public var isSynced: Bool {
        status("wsrep_local_state_comment") == "Synced" && status("wsrep_ready") == "ON"
            && status("wsrep_cluster_status") == "Primary"
    }

    /// Waits until the node is synced, failing with its log's end after `timeout` seconds or when
    /// the process exits.
    func waitUntilSynced(timeout: TimeInterval = 90) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if isSynced { return }
            if !isRunning { break }
            usleep(100_000)
        }
        let log = (try? String(contentsOfFile: errorLogPath, encoding: .utf8)) ?? ""
        throw HarnessError.serverDidNotStart("galera node \(name)", log: String(log.suffix(3000)))
    }
}
