/// One key of the configuration file: where it lives, its TOML type, what it means and its
/// default. ``ConfigurationSchema/keys`` lists them all; the loader, the unknown-key warnings,
/// the files `init-config` writes and the documentation are all made from that list.
public struct ConfigurationKey: Hashable, Sendable {
    /// The TOML type a key's value must have.
    public enum ValueType: String, Hashable, Sendable {
        /// A TOML string.
        case string
        /// A TOML integer.
        case integer
    }

    /// The table (`web`, `ecmg`, …), or `nil` for a top-level key.
    public let table: String?
    /// The key's name inside its table.
    public let name: String
    /// The TOML type of its value.
    public let type: ValueType
    /// What the key means, in a sentence or two.
    public let meaning: String
    /// The default as a TOML literal (`"info"`, `8`), or `nil` when the key is required or its
    /// default depends on the host.
    public let defaultLiteral: String?
    /// The default in words, for documentation (`"info"`, `the host's time zone`, `required`).
    public let defaultDescription: String
    /// A TOML literal shown in a commented-out line of a generated file when the key has no
    /// default literal.
    public let example: String?

    /// Whether the file must set the key.
    public var isRequired: Bool { defaultDescription == ConfigurationKey.required }

    /// `name` or `table.name`: how errors and warnings name the key.
    public var path: String { table.map { "\($0).\(name)" } ?? name }

    static let required = "required"

    init(
        _ table: String?, _ name: String, _ type: ValueType, default defaultLiteral: String?,
        described defaultDescription: String? = nil, example: String? = nil, _ meaning: String
    ) {
        self.table = table
        self.name = name
        self.type = type
        self.meaning = meaning
        self.defaultLiteral = defaultLiteral
        self.defaultDescription = defaultDescription ?? defaultLiteral.map { "`\($0)`" } ?? ConfigurationKey.required
        self.example = example
    }
}
