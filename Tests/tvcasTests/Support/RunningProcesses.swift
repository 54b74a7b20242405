import Foundation
import TVCASTesting

#if canImport(Glibc)
    import Glibc
#endif

/// Processes a test started, each logging to a file in the scratch folder; ``stopAll()`` sends
/// SIGTERM (then SIGKILL) to each of them, by its own pid.
final class RunningProcesses: @unchecked Sendable {
    let scratch: ScratchDirectory
    private var processes: [(name: String, process: Process)] = []

    init(scratch: ScratchDirectory) { self.scratch = scratch }

    /// Starts `executable` with `arguments`; standard output and error go to `<name>.log`.
    @discardableResult
    func start(_ name: String, _ executable: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Subprocess.resolve(executable))
        process.arguments = arguments
        let path = scratch.path("\(name).log")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        processes.append((name, process))
        return process
    }

    /// What `name` wrote so far.
    func log(_ name: String) -> String { (try? String(contentsOfFile: scratch.path("\(name).log"), encoding: .utf8)) ?? "" }

    /// SIGTERM to each process (newest first), SIGKILL to any still running after 10 s.
    func stopAll() {
        for (_, process) in processes.reversed() where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            for _ in 0..<200 where process.isRunning { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        processes.removeAll()
    }
}

/// The body of `GET http://host:port/path` ("" when nothing answers).
func httpGet(_ address: String, _ path: String) -> String {
    let script = "import urllib.request,sys; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())"
    return (try? Subprocess.run("/usr/bin/python3", ["-c", script, "http://\(address)\(path)"]))?.output ?? ""
}

/// Polls `condition` every 100 ms for up to `seconds`; whether it came true.
func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if try condition() { return true }
        usleep(100_000)
    }
    return try condition()
}

/// One FastCGI request to the responder at `address` through `cgi-fcgi`; the raw CGI answer.
func fastCGI(_ address: String, uri: String, headers: [String: String] = [:]) throws -> String {
    let parts = uri.split(separator: "?", maxSplits: 1)
    var environment = [
        "REQUEST_METHOD": "GET", "SCRIPT_NAME": String(parts[0]), "REQUEST_URI": uri,
        "QUERY_STRING": parts.count > 1 ? String(parts[1]) : "", "REMOTE_ADDR": "192.0.2.7",
    ]
    environment.merge(headers) { $1 }
    return try Subprocess.run("cgi-fcgi", ["-bind", "-connect", address], environment: environment).output
}
