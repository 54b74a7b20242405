import ArgumentParser
import TVCASConfig

extension PasswordHashScheme: ExpressibleByArgument {}

/// `tvcas hash-password`: Print a yescrypt hash of a password read without echo.
struct HashPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Print a yescrypt hash of a password read without echo.",
        discussion: """
            From a terminal the password is asked twice without echo; otherwise one line of standard \
            input is read. The hash goes to standard output, for pass_admin or pass_oper.
            """
    )

    @Option(help: "The hash kind: yescrypt, bcrypt or sha512-crypt.")
    var scheme: PasswordHashScheme = .yescrypt

    func run() async throws {
        let password = try PasswordPrompt.read()
        print(try Crypt.makeHash(of: password, scheme: scheme))
    }
}
