import ArgumentParser
import TVCASCore

/// `tvcas conax-date`: print the Conax date ("slydate") of a Unix time as `%04X`.
struct ConaxDateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conax-date",
        abstract: "Print the Conax date of a Unix time (4 or 5 hex digits).",
        discussion: "The local year in the zone must be 1990-2089."
    )

    @Option(parsing: .unconditional, help: "The time zone: a tz name (Europe/Moscow) or ±HHMM.", transform: CoreArgumentParsing.zone)
    var zone: ConaxTimeZone

    @Option(parsing: .unconditional, help: "The time, Unix seconds.")
    var time: Int64

    func validate() throws {
        do {
            _ = try ConaxDate(checkedTime: time, in: zone)
        } catch {
            throw ValidationError("--time \(time): \(error)")
        }
    }

    func run() async throws {
        print(ConaxDate(time: time, in: zone).hex)
    }
}
