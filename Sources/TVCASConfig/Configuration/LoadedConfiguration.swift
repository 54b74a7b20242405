/// A configuration as loaded from a file, with what the operator should be told about it.
public struct LoadedConfiguration: Sendable {
    /// The file it came from.
    public var path: String
    /// The validated configuration.
    public var configuration: Configuration
    /// Warnings to print at start (unknown keys, plain-text passwords, …).
    public var warnings: [ConfigurationWarning]
}
