/// One thing wrong with one key of a configuration file.
///
/// Every case names the key (`ecm_key`, `web.listen`), says what is wrong with its value and
/// what form is expected. Values of secret keys are never repeated in the text.
public enum ConfigurationProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A key without a default is not in the file.
    case missing(key: String, expected: String)
    /// The key holds a TOML value of another type (a string where an integer belongs, a value
    /// where a table belongs).
    case wrongType(key: String, found: String, expected: String)
    /// The key has the right type but a value we cannot use.
    case invalid(key: String, problem: String, expected: String)

    /// The key the problem is about, with its table (`web.listen`).
    public var key: String {
        switch self {
        case .missing(let key, _), .wrongType(let key, _, _), .invalid(let key, _, _): key
        }
    }

    public var description: String {
        switch self {
        case .missing(let key, let expected):
            "\(key): missing; expected \(expected)"
        case .wrongType(let key, let found, let expected):
            "\(key): is a TOML \(found); expected \(expected)"
        case .invalid(let key, let problem, let expected):
            "\(key): \(problem); expected \(expected)"
        }
    }
}
