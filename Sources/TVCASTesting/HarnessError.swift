/// Why the test harness could not set up a real service.
public enum HarnessError: Error, CustomStringConvertible {
    /// A program the harness needs is not installed (`make test` installs them).
    case missingProgram(String)
    /// A server did not come up in time; the text holds the end of its log.
    case serverDidNotStart(String, log: String)
    /// A golden-vector file is missing or not the JSON it should be.
    case badVectorFile(String, reason: String)

    public var description: String {
        switch self {
        case .missingProgram(let name): "\(name) is not installed (run `make test`, which installs it)"
        case .serverDidNotStart(let name, let log): "\(name) did not start:\n\(log)"
        case .badVectorFile(let file, let reason): "golden vectors \(file): \(reason)"
        }
    }
}
