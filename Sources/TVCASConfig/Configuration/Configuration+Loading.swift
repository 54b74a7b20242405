import Foundation
import Logging
import TOMLKit

extension Configuration {
    /// Reads and validates the configuration file at `path`.
    ///
    /// Throws ``ConfigurationError`` naming every key that is missing or wrong; returns the
    /// configuration with its warnings (unknown keys, plain-text passwords, …).
    public static func load(path: String, host: HostFacts = .current) throws(ConfigurationError) -> LoadedConfiguration {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: String(describing: error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return try parse(text, path: path, host: host)
    }

    /// Validates configuration text; `path` only names it in errors.
    public static func parse(
        _ text: String, path: String = "<configuration>", host: HostFacts = .current
    ) throws(ConfigurationError) -> LoadedConfiguration {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, message: String(describing: error))
        }
        var reader = ValueReader(root: root)
        reader.checkTables()
        let configuration = read(&reader, host: host)
        guard reader.problems.isEmpty, let configuration else {
            throw .invalid(path: path, problems: reader.problems)
        }
        return LoadedConfiguration(path: path, configuration: configuration, warnings: warnings(root, configuration))
    }

    // MARK: - Keys

    private static func read(_ reader: inout ValueReader, host: HostFacts) -> Configuration? {
        let zone = reader.string("zone", default: host.zone, expected: ValueForms.zone, ValueForms.parseZone)
        let ident = reader.string("ident", default: "0B00", expected: ValueForms.ident, ValueForms.parseIdent)
        let ecmKey = reader.string("ecm_key", default: nil, expected: ValueForms.ecmKey, ValueForms.parseECMKey)
        let admin = reader.string("pass_admin", default: nil, expected: ValueForms.password, ValueForms.parsePassword)
        let oper = reader.string("pass_oper", default: nil, expected: ValueForms.password, ValueForms.parsePassword)
        let apiKey = reader.string("api_key", default: nil, expected: ValueForms.nonEmpty, ValueForms.parseNonEmpty)
        let trademark = reader.string("trademark", default: "TVCAS.COM", expected: "a string") { .success($0) }
        let database = readDatabase(&reader)
        let sqlDirectory = reader.string("sql_dir", default: host.sqlDirectory, expected: ValueForms.folder, ValueForms.parseNonEmpty)
        let stateDirectory = reader.string(
            "state_dir", default: "/var/lib/tvcas", expected: ValueForms.folder, ValueForms.parseNonEmpty)
        let logLevel = reader.string("log_level", default: .info, expected: ValueForms.logLevel, ValueForms.parseLogLevel)
        let web = readWeb(&reader)
        let cwLogMinutes = reader.integer("ecmg.cw_log_minutes", default: 60, in: 1...525_600)
        let changePoll = reader.integer("emmg.change_poll_ms", default: 200, in: 10...60_000)
        let grace = reader.integer("supervise.grace_seconds", default: 5, in: 0...3600)
        let backoff = reader.integer("supervise.max_backoff_seconds", default: 30, in: 1...86_400)
        let hostName = reader.string(
            "supervise.host", default: host.hostName, expected: ValueForms.hostName, ValueForms.parseHostName)
        let metricsListen = reader.string(
            "metrics.listen", default: OptionalEndpoint(endpoint: HostPort(host: "127.0.0.1", port: 9464)), expected: ValueForms.optionalEndpoint,
            ValueForms.parseOptionalEndpoint)
        let childPortBase = reader.integer("metrics.child_port_base", default: 9470, in: 1...60_535)

        guard let zone, let ident, let ecmKey, let admin, let oper, let apiKey, let trademark, let database,
            let sqlDirectory, let stateDirectory, let logLevel, let web, let cwLogMinutes, let changePoll, let grace,
            let backoff, let hostName, let metricsListen, let childPortBase
        else { return nil }
        return Configuration(
            ecmKey: ecmKey, adminPassword: admin, operatorPassword: oper, apiKey: apiKey, web: web, zone: zone,
            ident: ident, trademark: trademark, database: database, sqlDirectory: sqlDirectory,
            stateDirectory: stateDirectory, logLevel: logLevel, ecmg: ECMGSettings(cwLogMinutes: cwLogMinutes),
            emmg: EMMGSettings(changePollMilliseconds: changePoll),
            supervise: SuperviseSettings(graceSeconds: grace, maxBackoffSeconds: backoff, host: hostName),
            metrics: MetricsSettings(listen: metricsListen.endpoint, childPortBase: childPortBase))
    }

    private static func readDatabase(_ reader: inout ValueReader) -> ConfiguredDatabase? {
        let port = reader.integer("mysql_port", default: 3306, in: 1...65535)
        let server = reader.string("mysql_server", default: "localhost", expected: ValueForms.databaseServer) { text in
            DatabaseNode.parseList(text, defaultPort: port ?? 3306) == nil
                ? .failure(.init(problem: "\(ValueReader.quoted(text)) is not a list of host[:port]")) : .success(text)
        }
        let user = reader.string("mysql_user", default: "tvcas", expected: ValueForms.nonEmpty, ValueForms.parseNonEmpty)
        let password = reader.string("mysql_pass", default: "", expected: "a string") { .success($0) }
        let base = reader.string("mysql_base", default: "tvcas", expected: ValueForms.nonEmpty, ValueForms.parseNonEmpty)
        let socket = reader.string("mysql_socket", default: "", expected: ValueForms.socket, ValueForms.parseSocket)
        guard let port, let server, let user, let password, let base, let socket else { return nil }
        return ConfiguredDatabase(
            server: server, port: port, user: user, password: password, database: base, socket: socket.isEmpty ? nil : socket)
    }

    private static func readWeb(_ reader: inout ValueReader) -> WebSettings? {
        let listen = reader.string(
            "web.listen", default: .tcp(HostPort(host: "127.0.0.1", port: 9000)), expected: ValueForms.listen,
            ValueForms.parseListen)
        let workers = reader.integer("web.workers", default: 8, in: 1...1024)
        let idle = reader.integer("web.session_idle_minutes", default: 30, in: 1...525_600)
        let upload = reader.integer("web.upload_max_mb", default: 64, in: 1...4096)
        let metrics = reader.string(
            "web.metrics", default: OptionalEndpoint(endpoint: nil), expected: ValueForms.optionalEndpoint,
            ValueForms.parseOptionalEndpoint)
        let retention = reader.integer("web.log_retention_days", default: 0, in: 0...36_500)
        let secret = reader.string("web.secret", default: nil, expected: ValueForms.secret, ValueForms.parseSecret)
        guard let listen, let workers, let idle, let upload, let metrics, let retention, let secret else { return nil }
        return WebSettings(
            secret: secret, listen: listen, workers: workers, sessionIdleMinutes: idle, uploadMaxMegabytes: upload,
            metrics: metrics.endpoint, logRetentionDays: retention)
    }

    // MARK: - Warnings

    private static func warnings(_ root: TOMLTable, _ configuration: Configuration) -> [ConfigurationWarning] {
        var warnings = UnknownKeys.warnings(root)
        let plain = [("pass_admin", configuration.adminPassword), ("pass_oper", configuration.operatorPassword)]
            .filter { $0.1.isPlainText }.map(\.0)
        if !plain.isEmpty { warnings.append(.plainTextPasswords(keys: plain)) }
        if configuration.zone.isFixedOffset { warnings.append(.fixedOffsetZone(zone: configuration.zone.text)) }
        if configuration.trademark.utf8.count > 15 {
            warnings.append(.longTrademark(byteCount: configuration.trademark.utf8.count))
        }
        return warnings
    }
}
