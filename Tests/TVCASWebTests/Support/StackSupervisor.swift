import Foundation
import TVCASTesting

#if canImport(Glibc)
    import Glibc
#endif

/// A real `tvcas supervise` on a `WebStack`'s database and configuration, starting the real
/// `tvcas ecmg` / `tvcas emmg` children; its own metrics server is off.
final class StackSupervisor: @unchecked Sendable {
    let directory: ScratchDirectory
    let process: Process

    /// Starts the supervisor as host `host`; ECMG `id` serves its metrics on `childPortBase + id`.
    init(stack: WebStack, host: String = "browser", childPortBase: Int) throws {
        directory = try ScratchDirectory(prefix: "tvcas-supervise")
        try FileManager.default.createDirectory(atPath: directory.path("state"), withIntermediateDirectories: true)
        // Top-level keys must come before the stack's `[web]` table.
        let config = """
            state_dir = "\(directory.path("state"))"
            \(stack.configText)
            [supervise]
            host = "\(host)"
            grace_seconds = 2
            max_backoff_seconds = 4

            [metrics]
            listen = ""
            child_port_base = \(childPortBase)

            """
        try config.write(toFile: directory.path("supervise.toml"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = RepositoryPaths.tvcasExecutable
        process.arguments = ["supervise", "--config", directory.path("supervise.toml")]
        _ = FileManager.default.createFile(atPath: directory.path("supervise.log"), contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path("supervise.log")))
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// The supervisor's log so far (its children's output included).
    var log: String { (try? String(contentsOfFile: directory.path("supervise.log"), encoding: .utf8)) ?? "" }

    /// Stops the supervisor with SIGTERM (it stops its children), SIGKILL after 30 s; removes the folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        directory.remove()
    }
}

/// Polls `condition` every 200 ms until it holds or `seconds` pass; whether it held.
func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(200_000)
    }
    return try condition()
}
