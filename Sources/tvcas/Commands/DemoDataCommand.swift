import ArgumentParser
import Foundation
import TVCASConfig
import TVCASDatabase

/// `tvcas demo-data`: Fill a migrated database with realistic demo cards and generators.
struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data", abstract: "Fill a migrated database with realistic demo cards and generators.",
        discussion: """
            Adds N cards after the highest serial (valid keys, mixed packages and dates, Cyrillic \
            and Latin names) and, when the database has no generator rows, one ECMG row with the \
            configuration's ecm_key, one EMMG row and some log entries.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "How many cards to add.")
    var cards: Int = 1000

    @Flag(name: .long, help: "Do nothing when the database already has cards.")
    var ifEmpty = false

    @Option(name: .long, help: "Seed of the generator (the same seed gives the same cards).")
    var seed: UInt64 = 2100

    @Option(name: .long, help: "Parallel connections used for the inserts.")
    var connections: Int = 4

    @Option(name: .long, help: "Cards per multi-row INSERT.")
    var batch: Int = 1000

    func run() async throws {
        guard cards >= 0 else { throw ValidationError("--cards must be 0 or more") }
        do {
            let configuration = try options.load()
            LogSetup.bootstrap(configuration)
            let pool = ConnectionPool(settings: DatabaseSettings(configuration.database), threads: max(1, connections))
            defer { pool.shutdown() }
            if ifEmpty, try await pool.withConnection({ try $0.cards.count() }) > 0 {
                print("demo-data: the database has cards already; nothing to do")
                return
            }
            let started = Date()
            let report = try await DemoDataLoader(demo: DemoData(ecmKey: configuration.ecmKey, seed: seed), batchSize: max(1, batch)).load(
                cards: cards, into: pool)
            let seconds = Date().timeIntervalSince(started)
            var line = "demo-data: \(report.cards) cards"
            if let serials = report.serials { line += " (serials \(serials.lowerBound)-\(serials.upperBound))" }
            line += " in " + String(format: "%.1f s", seconds)
            if report.addedGenerators { line += "; 1 ECMG row, 1 EMMG row, \(report.logEntries) log entries" }
            print(line)
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("tvcas demo-data: \(error)\n".utf8))
            throw ExitCode.failure
        } catch let error as DatabaseError {
            FileHandle.standardError.write(Data("tvcas demo-data: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
