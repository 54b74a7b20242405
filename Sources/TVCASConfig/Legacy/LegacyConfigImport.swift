/// The result of converting a TVCAS3 `config.php`: the new TOML file, validated.
public struct LegacyConfigImport: Sendable {
    /// The TOML text to write.
    public var toml: String
    /// What the importer did that the admin should know.
    public var notes: [LegacyImportNote]
    /// The values taken over, by our key name (`ecm_key`, `zone`, …).
    public var values: [String: String]
    /// The TOML text loaded back and validated, with its warnings.
    public var loaded: LoadedConfiguration
}
