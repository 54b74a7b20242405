/// Why `import-legacy-config` could not convert a TVCAS3 `config.php`.
public enum LegacyImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file was read, but these parts of it cannot be used (each with its line).
    case problems(path: String, [LegacyConfigProblem])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .problems(let path, let problems): problems.map { "\(path): \($0)" }.joined(separator: "\n")
        }
    }
}
