/// Why a configuration could not be loaded.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at the path (from `--config`, `TVCAS_CONFIG` or the default path).
    case notFound(path: String)
    /// The file exists but could not be read, or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML; `line` and `column` are 1-based.
    case syntax(path: String, line: Int, column: Int, message: String)
    /// The file is valid TOML, but one or more keys are missing or hold unusable values.
    case invalid(path: String, problems: [ConfigurationProblem])

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such configuration file (write one with `tvcas init-config --out \(path)`)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .syntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): not valid TOML: \(message)"
        case .invalid(let path, let problems):
            problems.count == 1
                ? "\(path): \(problems[0])"
                : "\(path): \(problems.count) problems:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
