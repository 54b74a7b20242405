import Foundation

/// The outcome of a finished child process.
public struct SubprocessResult: Sendable {
    /// The exit status (or 128 + signal number when it was killed).
    public var status: Int32
    /// Everything it wrote to standard output.
    public var standardOutput: Data
    /// Everything it wrote to standard error.
    public var standardError: Data

    /// Standard output as UTF-8 text.
    public var output: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var errorOutput: String { String(decoding: standardError, as: UTF8.self) }
}

/// A child process failed in a way a test cannot go on from.
public struct SubprocessError: Error, CustomStringConvertible {
    /// The command line that was run.
    public var command: [String]
    /// What it returned.
    public var result: SubprocessResult

    public var description: String {
        "\(command.joined(separator: " ")) exited with status \(result.status): \(result.errorOutput)\(result.output)"
    }
}

/// Runs helper programs (mariadb, nginx, the checkers) for the test harness.
public enum Subprocess {
    /// Runs `executable` with `arguments` to completion, feeding `input` on standard input.
    @discardableResult
    public static func run(
        _ executable: String,
        _ arguments: [String] = [],
        input: Data? = nil,
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil
    ) throws -> SubprocessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try resolve(executable))
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        // Feed standard input and drain standard error on their own threads, so that no pipe
        // fills up and blocks the child while we read standard output.
        let group = DispatchGroup()
        let errorBox = DataBox()
        if let input {
            let writer = stdin.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let errorReader = stderr.fileHandleForReading
        DispatchQueue.global().async(group: group) { errorBox.data = errorReader.readDataToEndOfFile() }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let errorData = errorBox.data
        return SubprocessResult(status: status, standardOutput: outputData, standardError: errorData)
    }

    /// Runs a command and throws when it does not exit 0.
    @discardableResult
    public static func check(
        _ executable: String,
        _ arguments: [String] = [],
        input: Data? = nil,
        environment: [String: String]? = nil
    ) throws -> SubprocessResult {
        let result = try run(executable, arguments, input: input, environment: environment)
        guard result.status == 0 else { throw SubprocessError(command: [executable] + arguments, result: result) }
        return result
    }

    /// Finds `name` on `PATH` (and in the sbin folders, where Debian puts daemons); a path is kept.
    public static func resolve(_ name: String) throws -> String {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/sbin"] {
            let candidate = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw HarnessError.missingProgram(name)
    }
}

/// Bytes handed from a reader thread back to the caller after `DispatchGroup.wait()`.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
