import Foundation
import NIOCore
import SimulCrypt
import TVCASCore
import TVCASDatabase
import TVCASGenerators
import TVCASTesting

// The EMMG's speed (issue 10):
//   1. EMMs built per second on one core (EMMBuilder, 62-byte sections into a reused buffer);
//   2. the time to read all due cards of a large database in keyed batches and encode each one
//      as the daemon does (row check, EMM, data_provision PDU), target < 10 s for 1,000,000;
//   3. the peak resident memory of that pass (VmHWM, reset before it), target < 64 MB.
//
//   swift run -c release --package-path Benchmarks EMMGBenchmark [--cards 1000000] [--batch 5000] [--config FILE]
//
// Without --config it starts a scratch MariaDB (TVCASTesting) and fills it with demo cards;
// with --config it reads the database of that file (filled by `tvcas demo-data`).

struct Options {
    var cards = 1_000_000
    var batch = 5000
    var config: String?
    /// Set by the benchmark itself when it runs the pass in a fresh process (so that the peak
    /// RSS is the pass's own, not the demo loader's).
    var socket: String?
    var database: String?

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--cards": cards = Int(iterator.next() ?? "") ?? cards
            case "--batch": batch = Int(iterator.next() ?? "") ?? batch
            case "--config": config = iterator.next()
            case "--pass-socket": socket = iterator.next()
            case "--pass-database": database = iterator.next()
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// A line of /proc/self/status in kB.
func status(_ key: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "") ?? 0
    }
    return 0
}

func resetPeakRSS() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

let options = Options(arguments: CommandLine.arguments)
let builder = EMMBuilder(zone: try ConaxTimeZone("Europe/Moscow"))

if options.socket == nil {
    // 1. EMMs built per second on one core.
    let key = try CardKey(hex: "98FA4C8CF74769DE8374C7AEC8CF7476")
    var output = [UInt8](repeating: 0, count: 62)
    let buildCount = 300_000
    let buildStart = Date()
    for index in 0..<buildCount {
        let subscription = CardSubscription(
            serial: CardSerial(rawValue: 2_100_000_000 + UInt32(index)), accessCriteria: AccessCriteria(rawValue: 0xFFFF_FFFF),
            start: 1_596_643_920 + UInt32(index), finish: 1_801_917_980, pair: 0, type: 1)
        try output.withUnsafeMutableBytes { try builder.build(for: subscription, key: key, into: $0) }
    }
    let buildSeconds = Date().timeIntervalSince(buildStart)
    print(String(format: "EMMs built: %d in %.2f s = %.0f EMMs/s on one core", buildCount, buildSeconds, Double(buildCount) / buildSeconds))

}

// 2. A database with the cards.
let settings: DatabaseSettings
if let socket = options.socket, let database = options.database {
    settings = DatabaseSettings(endpoint: .socket(socket), user: "root", database: database, connectTimeout: 5, readTimeout: 300)
} else if let config = options.config {
    settings = try DatabaseSettings(configurationFile: config)
} else {
    let server = try MariaDBServer.start(tcp: false)
    let name = try server.makeDatabase(prefix: "emmgbench")
    settings = DatabaseSettings(endpoint: .socket(server.socketPath), user: "root", database: name, connectTimeout: 5, readTimeout: 300)
    let connection = Connection(settings: settings)
    try Migrator(catalog: try MigrationCatalog(directory: RepositoryPaths.sql)).migrate(on: connection)
    connection.close()
    let loadPool = ConnectionPool(settings: settings, threads: 2)
    let loadStart = Date()
    let report = try await DemoDataLoader(demo: DemoData(ecmKey: String(repeating: "0123456789ABCDEF", count: 4))).load(
        cards: options.cards, into: loadPool)
    loadPool.shutdown()
    print(String(format: "loaded %d demo cards in %.1f s", report.cards, Date().timeIntervalSince(loadStart)))
    // The pass runs in a fresh process of this program, so its peak RSS is its own.
    let pass = Process()
    pass.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    pass.arguments = ["--pass-socket", server.socketPath, "--pass-database", name, "--batch", "\(options.batch)"]
    try pass.run()
    pass.waitUntilExit()
    server.stop()
    exit(pass.terminationStatus)
}

// 3. One full pass: keyed batches, row check, EMM, data_provision.
let pool = ConnectionPool(settings: settings, threads: 1)
let now = UInt32(Date().timeIntervalSince1970)
let changedSince = now - 7 * 86_400
let outbound = EMMGOutbound(settings: EMMGSettingsRow(row: EMMGRow(id: 1)))
var pdu = ByteBufferAllocator().buffer(capacity: 128)
var section = ByteBufferAllocator().buffer(capacity: 62)
resetPeakRSS()
let rssBefore = status("VmRSS")
let passStart = Date()
var after: UInt32?
var encoded = 0
var skipped = 0
var bytes = 0
var readSeconds = 0.0
let batch = options.batch
while true {
    let from = after
    let readStart = Date()
    let rows = try await pool.withConnection { try $0.emmgFeed.dueCards(after: from, now: now, changedSince: changedSince, limit: batch) }
    readSeconds += Date().timeIntervalSince(readStart)
    guard let last = rows.last else { break }
    after = last.serialNo
    for row in rows {
        guard let card = try? DueCard(card: row) else {
            skipped += 1
            continue
        }
        section.clear()
        section.writeWithUnsafeMutableBytes(minimumWritableBytes: 62) { buffer in
            try! builder.build(for: card.subscription, key: card.key, into: buffer)
            return 62
        }
        pdu.clear()
        try outbound.dataProvision(section).encode(into: &pdu)
        bytes += pdu.readableBytes
        encoded += 1
    }
}
let passSeconds = Date().timeIntervalSince(passStart)
print(
    String(
        format: "read and encoded %d due cards (%d skipped) in %.2f s = %.0f cards/s (target < 10 s for 1,000,000)", encoded, skipped,
        passSeconds, Double(encoded) / passSeconds))
print(String(format: "  of which reading the batches: %.2f s", readSeconds))
print("peak RSS during the pass: \(status("VmHWM") / 1024) MB (RSS before it \(rssBefore / 1024) MB; target < 64 MB)")
pool.shutdown()
