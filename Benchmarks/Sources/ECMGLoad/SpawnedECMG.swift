import Foundation

/// `tvcas ecmg` started for the benchmark from a saved copy of its row in a scratch state
/// directory, with the database unreachable (the daemon's outage path: ECMs flow, the CW log is
/// dropped and counted).
final class SpawnedECMG {
    let process = Process()
    let directory: URL
    let port: Int

    init(tvcas: String, key: String, port: Int) throws {
        self.port = port
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecmg-load-\(getpid())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"), withIntermediateDirectories: true)
        let config = """
            ecm_key = "\(key)"
            pass_admin = "bench-admin"
            pass_oper = "bench-oper"
            api_key = "bench-api-key"
            mysql_socket = "\(directory.path)/no-such-mysql.sock"
            state_dir = "\(directory.path)/state"
            log_level = "warning"

            [web]
            secret = "0123456789abcdefghijklmnopqrstuv"
            """
        try config.write(to: directory.appendingPathComponent("tvcas.toml"), atomically: true, encoding: .utf8)
        let row = """
            {"id": 1, "version": 1, "host": 2130706433, "port": \(port), "packet_mode": 0, "timeout": 60,
             "delay_start": 5000, "delay_stop": 5000, "transition_delay_start": 5000, "transition_delay_stop": 5000,
             "ac_delay_start": 0, "ac_delay_stop": 0, "repetition_period": 200, "min_cp_duration": 100,
             "max_compute_time": 8000, "key": "\(key)"}
            """
        try row.write(to: directory.appendingPathComponent("state/ecmg_1.json"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: tvcas)
        process.arguments = ["ecmg", "--id", "1", "--config", directory.appendingPathComponent("tvcas.toml").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A free loopback TCP port.
func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Peak resident memory of a process (VmHWM), in kB.
func peakResidentKB(pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    return nil
}
