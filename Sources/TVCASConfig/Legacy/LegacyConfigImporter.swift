import Foundation

/// Converts a TVCAS3 `includes/config.php` into our TOML, so that a migrating admin keeps the
/// same passwords, ECM key, ident, trademark, API key and database settings. The PHP is read,
/// never run.
public enum LegacyConfigImporter {
    /// The original's keys that TVCAS takes over, under the same names.
    static let importedKeys = [
        "zone", "ident", "ecm_key", "pass_admin", "pass_oper", "mysql_server", "mysql_user", "mysql_pass", "mysql_base",
        "api_key", "trademark",
    ]
    /// The original's keys that mean nothing to TVCAS and are dropped silently.
    static let ignoredKeys = ["ver", "time_start"]

    /// Reads and converts the file at `path`; with `hashPasswords` the panel passwords are
    /// written as yescrypt hashes instead of the original's plain text.
    public static func importFile(
        path: String, host: HostFacts = .current, secret: String = RandomSecret.webSecret(), hashPasswords: Bool = false
    ) throws(LegacyImportError) -> LegacyConfigImport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        guard let source = String(data: data, encoding: .utf8) else { throw .unreadable(path: path, reason: "not UTF-8 text") }
        return try convert(source, path: path, host: host, secret: secret, hashPasswords: hashPasswords)
    }

    /// Converts PHP source; `path` names it in messages and the file's header.
    public static func convert(
        _ source: String, path: String, host: HostFacts = .current, secret: String = RandomSecret.webSecret(),
        hashPasswords: Bool = false
    ) throws(LegacyImportError) -> LegacyConfigImport {
        let (entries, parseProblems) = LegacyConfigParser.parse(source)
        var problems = parseProblems
        var notes: [LegacyImportNote] = []
        var values: [String: String] = [:]
        var lines: [String: Int] = [:]
        for entry in entries {
            if ignoredKeys.contains(entry.key) { continue }
            guard importedKeys.contains(entry.key) else {
                notes.append(.ignoredUnknownKey(key: entry.key, line: entry.line))
                continue
            }
            lines[entry.key] = entry.line
            switch entry.value {
            case .text(let text):
                values[entry.key] = text
            case .hostOffset where entry.key == "zone":
                values["zone"] = host.zone.text
                notes.append(.zoneFromHost(line: entry.line, zone: host.zone.text))
            case .hostOffset:
                problems.append(.unreadableValue(key: entry.key, line: entry.line, expression: "date(\"O\")"))
            case .interpolated:
                problems.append(.interpolatedString(key: entry.key, line: entry.line))
            case .expression(let expression):
                problems.append(.unreadableValue(key: entry.key, line: entry.line, expression: expression))
            }
        }
        guard problems.isEmpty else { throw .problems(path: path, problems) }

        var literals = values.mapValues { TOMLLiteral.string($0) }
        literals["web.secret"] = .string(secret)
        if hashPasswords {
            for key in ["pass_admin", "pass_oper"] {
                // An empty or already hashed value is left for validation to judge.
                guard let plain = values[key], !plain.isEmpty, PasswordHashScheme(hash: plain) == nil,
                    let hash = try? Crypt.makeHash(of: plain)
                else { continue }
                literals[key] = .string(hash)
            }
        }
        let header = [
            "TVCAS configuration imported from \(path) by `tvcas import-legacy-config`.",
            "The passwords" + (hashPasswords ? " (now yescrypt hashes)" : "")
                + ", ECM key, ident, trademark, API key and database settings are the old server's;",
            "[web] secret is new and random (use the same one on every web host).",
        ]
        var template = ConfigurationTemplate(header: header, values: literals)
        template.writesRequiredPlaceholders = false
        let toml = template.render()
        do {
            let loaded = try Configuration.parse(toml, path: path, host: host)
            return LegacyConfigImport(toml: toml, notes: notes, values: values, loaded: loaded)
        } catch {
            guard case .invalid(_, let found) = error else {
                // Our own TOML always parses; reaching here is a bug in the template.
                throw .problems(path: path, [.unexpected(line: 0, found: error.description, expected: "valid TOML")])
            }
            throw .problems(
                path: path,
                found.map { problem in
                    if case .missing(let key, let expected) = problem { return .missingKey(key: key, expected: expected) }
                    return .invalidValue(key: problem.key, line: lines[problem.key] ?? 0, problem: problem)
                })
        }
    }
}
