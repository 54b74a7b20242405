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
    var config = DatabaseConfigFile.path(option: nil)
    var threads = 8
    var seconds = 10.0
    var callers = 64

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--config": config = iterator.next() ?? config
            case "--threads": threads = Int(iterator.next() ?? "") ?? threads
            case "--seconds": seconds = Double(iterator.next() ?? "") ?? seconds
            case "--callers": callers = Int(iterator.next() ?? "") ?? callers
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(arguments: CommandLine.arguments)
let file = try DatabaseConfigFile(path: options.config)
let pool = ConnectionPool(settings: try file.settings(), threads: options.threads)
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
let started = Date()
let deadline = started.addingTimeInterval(options.seconds)
let (lookups, found) = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
    for caller in 0..<options.callers {
        group.addTask {
            var random = SystemRandomNumberGenerator()
            var lookups = 0
            var found = 0
            _ = caller
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
pool.shutdown()
