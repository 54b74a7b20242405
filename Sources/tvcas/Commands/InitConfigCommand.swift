import ArgumentParser
import Foundation
import TVCASConfig

/// `tvcas init-config`: Write a new configuration file with random passwords and secret.
struct InitConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-config",
        abstract: "Write a new configuration file with random passwords and secret.",
        discussion: """
            Makes a random ECM key, admin and operator passwords (stored as yescrypt hashes), API key \
            and [web] secret, writes the file (mode 600) and prints the logins once on standard output. \
            An existing file is never replaced without --force.
            """
    )

    @Option(help: "The configuration file to write.")
    var out: String

    @Flag(help: "A demo configuration for `make run`: database user root through the socket, no database password.")
    var demo = false

    @Option(help: "The state_dir to write into the file.")
    var stateDir: String?

    @Option(help: "The mysql_socket to write into the file.")
    var mysqlSocket: String?

    @Option(help: "The mysql_user to write into the file (default: root with --demo, else tvcas).")
    var mysqlUser: String?

    @Option(help: "The [web] listen address: host:port or unix:/path.")
    var listen: String?

    @Option(help: "The sql_dir to write into the file.")
    var sqlDir: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        if let listen, ListenAddress(parsing: listen) == nil {
            throw ValidationError("--listen \(listen): expected host:port or unix:/absolute/path")
        }
    }

    func run() async throws {
        let adminPassword = RandomSecret.password()
        let operatorPassword = RandomSecret.password()
        let apiKey = RandomSecret.apiKey()
        let databasePassword = demo ? "" : RandomSecret.password()
        var values: [String: TOMLLiteral] = [
            "ecm_key": .string(RandomSecret.ecmKey()),
            "pass_admin": .string(try Crypt.makeHash(of: adminPassword)),
            "pass_oper": .string(try Crypt.makeHash(of: operatorPassword)),
            "api_key": .string(apiKey),
            "mysql_user": .string(mysqlUser ?? (demo ? "root" : "tvcas")),
            "mysql_pass": .string(databasePassword),
            "web.secret": .string(RandomSecret.webSecret()),
        ]
        if let stateDir { values["state_dir"] = .string(stateDir) }
        if let mysqlSocket { values["mysql_socket"] = .string(mysqlSocket) }
        if let listen { values["web.listen"] = .string(listen) }
        if let sqlDir { values["sql_dir"] = .string(sqlDir) }
        let header = [
            demo
                ? "TVCAS demo configuration written by `tvcas init-config --demo` for `make run`."
                : "TVCAS configuration written by `tvcas init-config`.",
            "The ECM key, API key and [web] secret are random; the panel passwords are stored as yescrypt",
            "hashes (their plain text was printed once). Change a password with `tvcas hash-password`.",
        ]
        let text = ConfigurationTemplate(header: header, values: values).render()
        // Never write a file we could not load ourselves.
        _ = try Configuration.parse(text, path: out)
        try ConfigurationFile.write(text, to: out, overwrite: force)
        ConfigOptions.note("wrote \(out)")
        print("admin password: \(adminPassword)")
        print("oper password: \(operatorPassword)")
        print("api key: \(apiKey)")
        if !demo { print("database password: \(databasePassword)") }
    }
}
