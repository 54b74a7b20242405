import ArgumentParser
import TVCASConfig

/// `tvcas check-config`: Validate a configuration file and print its warnings.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file and print its warnings.",
        discussion: "Exits 0 when the file is valid (warnings go to standard error), 1 with every problem otherwise."
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let configuration = try options.load()
        let database: String
        switch configuration.database.connection {
        case .socket(let path): database = "unix socket \(path)"
        case .defaultSocket: database = "the client library's default socket"
        case .tcp(let nodes): database = "TCP " + nodes.map(\.description).joined(separator: ", ")
        }
        print("\(options.path): valid")
        print("  zone \(configuration.zone), ident \(configuration.ident), web on \(configuration.web.listen)")
        print("  database \(configuration.database.database) as \(configuration.database.user) over \(database)")
    }
}
