import Foundation
import TVCASConfig
import TVCASTesting
import Testing

/// The schema, the loader, the example file and the documentation agree.
///
/// Run with `TVCAS_UPDATE_GENERATED=1` to rewrite `tvcas.toml.example` and the key tables of
/// the README's configuration section from the schema.
@Suite("Schema, loader, example file and documentation agree")
struct GeneratedFilesTests {
    static let update = ProcessInfo.processInfo.environment["TVCAS_UPDATE_GENERATED"] == "1"
    static let example = RepositoryPaths.root.appendingPathComponent("tvcas.toml.example")
    static let documentation = RepositoryPaths.root.appendingPathComponent("README.md")
    static let begin = "<!-- configuration keys: generated from ConfigurationSchema, do not edit by hand -->\n"
    static let end = "<!-- end of configuration keys -->"

    @Test("every default in the schema is the loader's default")
    func defaultsAgree() throws {
        var values = TestConfigurations.required
        for key in ConfigurationSchema.keys where !key.isRequired {
            if let literal = key.defaultLiteral { values[key.path] = literal }
        }
        let explicit = try TestConfigurations.parse(TestConfigurations.text(values))
        let implicit = try TestConfigurations.parse(TestConfigurations.text(TestConfigurations.required))
        #expect(explicit.configuration == implicit.configuration)
        #expect(!explicit.warnings.contains { if case .unknownKey = $0 { true } else { false } })
    }

    @Test("every key of the schema is read and type-checked by the loader", arguments: ConfigurationSchema.keys.map(\.path))
    func everyKeyRead(_ path: String) throws {
        let key = try #require(ConfigurationSchema.key(path))
        let wrong = key.type == .string ? "[1, 2]" : "\"x\""
        let error = #expect(throws: ConfigurationError.self) {
            try TestConfigurations.parse(TestConfigurations.text(setting: path, to: wrong))
        }
        guard case .invalid(_, let problems) = error else { return }
        #expect(problems.map(\.key) == [path])
    }

    @Test("a rendered template with the required values is valid; without them it names exactly the required keys")
    func template() throws {
        var values: [String: TOMLLiteral] = [:]
        for (path, literal) in TestConfigurations.required { values[path] = .string(String(literal.dropFirst().dropLast())) }
        values["trademark"] = .string("Q\" \\ \ttab")
        let loaded = try TestConfigurations.parse(ConfigurationTemplate(header: ["test"], values: values).render())
        #expect(loaded.configuration.trademark == "Q\" \\ \ttab")
        #expect(loaded.warnings == [.plainTextPasswords(keys: ["pass_admin", "pass_oper"])])

        let error = #expect(throws: ConfigurationError.self) {
            try TestConfigurations.parse(ConfigurationTemplate(header: []).render())
        }
        guard case .invalid(_, let problems) = error else { return }
        #expect(Set(problems.map(\.key)) == Set(ConfigurationSchema.keys.filter(\.isRequired).map(\.path)))
        #expect(Set(problems.map(\.key)) == ["ecm_key", "pass_admin", "pass_oper", "api_key", "web.secret"])
    }

    @Test("tvcas.toml.example is the rendered template, every key commented")
    func exampleFile() throws {
        let expected = ConfigurationTemplate(header: ConfigurationTemplate.exampleHeader).render()
        if Self.update { try expected.write(to: Self.example, atomically: true, encoding: .utf8) }
        let text = try String(contentsOf: Self.example, encoding: .utf8)
        #expect(text == expected, "run the tests with TVCAS_UPDATE_GENERATED=1 to regenerate tvcas.toml.example")
        for key in ConfigurationSchema.keys {
            #expect(text.contains("\n\(key.name) = ") || text.contains("\n# \(key.name) = "), "\(key.path)")
        }
    }

    @Test("the README lists every configuration key with its meaning and default")
    func documentation() throws {
        var text = try String(contentsOf: Self.documentation, encoding: .utf8)
        let generated = ConfigurationReference.markdown()
        if Self.update, let start = text.range(of: Self.begin), let stop = text.range(of: Self.end) {
            text.replaceSubrange(start.upperBound..<stop.lowerBound, with: generated)
            try text.write(to: Self.documentation, atomically: true, encoding: .utf8)
        }
        #expect(text.contains(Self.begin + generated + Self.end), "run the tests with TVCAS_UPDATE_GENERATED=1")
        for key in ConfigurationSchema.keys {
            #expect(text.contains("| `\(key.name)` |"), "\(key.path)")
        }
    }
}
