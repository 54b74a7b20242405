import Foundation
import TVCASDatabase

// Single-row card lookups by serial per second through the connection pool.
//
//   swift run -c release LookupBenchmark --config FILE [--threads 8] [--seconds 10] [--callers 64]
//
// Run it on a database filled by `tvcas demo-data --cards 1000000`. Each caller task looks up
// random serials between the lowest and the highest one; the pool runs the lookups on its own
// threads (one connection each).

struct Options {
    var config = ProcessInfo.processInfo.environment["TVCAS_CONFIG"] ?? "/etc/tvcas/tvcas.toml"
    var threads = 8
    var seconds = 10.0
    var callers = 64
    var serverPID: Int32?

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--config": config = iterator.next() ?? config
            case "--threads": threads = Int(iterator.next() ?? "") ?? threads
            case "--seconds": seconds = Double(iterator.next() ?? "") ?? seconds
            case "--callers": callers = Int(iterator.next() ?? "") ?? callers
            case "--server-pid": serverPID = Int32(iterator.next() ?? "")
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(arguments: CommandLine.arguments)
let pool = ConnectionPool(settings: try DatabaseSettings(configurationFile: options.config), threads: options.threads)
let range = try await pool.withConnection { connection -> ClosedRange<UInt32> in
    let row = try connection.queryFirst("SELECT MIN(serial_no) AS low, MAX(serial_no) AS high, COUNT(*) AS n FROM tvcas_smartcards")
    let low: UInt32 = try row?.decode("low", as: UInt32?.self) ?? 0
    let high: UInt32 = try row?.decode("high", as: UInt32?.self) ?? 0
    let count: Int = try row?.decode("n") ?? 0
    print("cards: \(count), serials \(low)-\(high); pool threads: \(options.threads); callers: \(options.callers)")
    return low...high
}
// Warm-up: connect every thread and prepare the statement.
try await withThrowingTaskGroup(of: Void.self) { group in
    for _ in 0..<(options.threads * 4) {
        group.addTask { _ = try await pool.withConnection { try $0.cards.find(serial: range.lowerBound) } }
    }
    try await group.waitForAll()
}
/// A cheap generator for the serials (the system one costs a syscall per number).
struct FastRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// CPU seconds used so far by this process.
func ownCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds used so far by another process (utime + stime from /proc).
func cpuSeconds(of pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

let clientCPUBefore = ownCPUSeconds()
let serverCPUBefore = options.serverPID.flatMap(cpuSeconds(of:))
let started = Date()
let deadline = started.addingTimeInterval(options.seconds)
let (lookups, found) = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
    for caller in 0..<options.callers {
        group.addTask {
            var random = FastRandom(seed: UInt64(caller) &+ 1)
            var lookups = 0
            var found = 0
            while Date() < deadline {
                let serial = UInt32.random(in: range, using: &random)
                if try await pool.withConnection({ try $0.cards.find(serial: serial) }) != nil { found += 1 }
                lookups += 1
            }
            return (lookups, found)
        }
    }
    var total = (0, 0)
    for try await (lookups, found) in group { total = (total.0 + lookups, total.1 + found) }
    return total
}
let elapsed = Date().timeIntervalSince(started)
print(String(format: "%d lookups (%d found) in %.2f s: %.0f lookups/s", lookups, found, elapsed, Double(lookups) / elapsed))
let clientCPU = ownCPUSeconds() - clientCPUBefore
print(String(format: "client CPU: %.1f µs per lookup", clientCPU / Double(lookups) * 1e6))
if let pid = options.serverPID, let before = serverCPUBefore, let after = cpuSeconds(of: pid) {
    let perLookup = (clientCPU + after - before) / Double(lookups)
    print(
        String(
            format: "server CPU: %.1f µs per lookup; client+server: %.1f µs, i.e. %.0f lookups/s on 2 otherwise idle cores",
            (after - before) / Double(lookups) * 1e6, perLookup * 1e6, 2 / perLookup))
}
pool.shutdown()
