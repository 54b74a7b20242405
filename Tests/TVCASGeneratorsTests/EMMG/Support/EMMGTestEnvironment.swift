import Foundation
import NIOCore
import SimulCrypt
import TVCASCore
import TVCASDatabase
import TVCASGenerators
import TVCASTesting

/// A migrated scratch database, the Python peers and what the EMMG sent, for one test.
final class EMMGTestEnvironment: @unchecked Sendable {
    let server: MariaDBServer
    let name: String
    let scratch: ScratchDirectory
    let pool: ConnectionPool
    private var processes: [Process] = []

    private let ownsServer: Bool

    /// A database on the shared server, or on a private one (`privateServer`) a test may stop.
    init(prefix: String, privateServer: Bool = false) throws {
        server = privateServer ? try MariaDBServer.start(tcp: false) : try MariaDBServer.shared()
        ownsServer = privateServer
        name = try server.makeDatabase(prefix: prefix)
        scratch = try ScratchDirectory(prefix: prefix)
        settings = DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: name, connectTimeout: 5, readTimeout: 30)
        let connection = Connection(settings: settings)
        defer { connection.close() }
        try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
        pool = ConnectionPool(settings: settings, threads: 3)
    }

    let settings: DatabaseSettings

    func tearDown() {
        // The mux simulator ignores SIGTERM: these are our own children, so SIGKILL.
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        pool.shutdown()
        if ownsServer { server.stop() } else { server.dropDatabase(name) }
        scratch.remove()
    }

    /// A free loopback TCP port.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts a program, waits for its first output line (`ready` or the mux banner) and returns it; stdout goes to `output`.
    @discardableResult
    func start(_ arguments: [String], output: String, waitFor marker: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        try process.run()
        processes.append(process)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: output, encoding: .utf8), text.contains(marker) { return process }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError.badVectorFile(output, reason: "\(arguments) did not print \(marker)")
    }

    /// Starts the PyPI `mux` simulator on `port` for client 0x0B000001, ids 1.
    @discardableResult
    func startMUX(port: Int, output: String) throws -> Process {
        try start(
            ["mux", "0x0B000001", "-p", "\(port)", "-d", "--channel_id", "1", "--stream_id", "1", "--data_id", "1", "-b", "64"],
            output: output, waitFor: "listening")
    }

    /// Starts a Python script from ``PeerScripts``.
    @discardableResult
    func startScript(_ source: String, named name: String, arguments: [String]) throws -> Process {
        let path = scratch.path(name)
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return try start(["python3", path] + arguments, output: scratch.path(name + ".out"), waitFor: "ready")
    }

    /// The EMMG row for a MUX at 127.0.0.1:`port`.
    func insertEMMG(port: Int, repetition: UInt16 = 60, bandwidth: UInt16 = 64, protocolVersion: UInt8 = 2) async throws -> UInt32 {
        let row = EMMGRow(
            host: "127.0.0.1", port: UInt16(port), protocolVersion: protocolVersion, bandwidth: bandwidth, repetition: repetition, timeout: 10,
            status: 1, enable: 1)
        return try await pool.withConnection { try $0.emmgs.insert(row) }
    }

    /// Every message the EMMG sent through the proxy, by connection number.
    func sentMessages(log: String) -> [(connection: Int, pdu: SimulCryptPDU<EMMGMessage>)] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        var streams: [Int: ByteBuffer] = [:]
        var result: [(Int, SimulCryptPDU<EMMGMessage>)] = []
        let decoder = SimulCryptFrameDecoder<EMMGMessage>()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let number = Int(parts[0]), let bytes = Data(testHex: String(parts[1])) else { continue }
            streams[number, default: ByteBuffer()].writeBytes(bytes)
            while let decoded = try? decoder.decodeFrame(from: &streams[number]!) {
                if case .success(let pdu) = decoded { result.append((number, pdu)) }
            }
        }
        return result
    }

    /// The EMM sections of the data_provisions in `messages` (TS packets unwrapped).
    static func emms(_ messages: [(connection: Int, pdu: SimulCryptPDU<EMMGMessage>)]) -> [[UInt8]] {
        messages.flatMap { entry -> [[UInt8]] in
            guard case .dataProvision(let provision) = entry.pdu.message else { return [] }
            return provision.datagrams.map { datagram in
                let bytes = Array(datagram.readableBytesView)
                return bytes.count == 188 && bytes[0] == 0x47 ? Array(bytes[5..<67]) : bytes
            }
        }
    }

    /// Waits up to `seconds` for `condition`.
    static func wait(seconds: Double, until condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return try await condition()
    }
}
