/// Something in a TVCAS3 `config.php` that the importer cannot read or use, with its line.
public enum LegacyConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A quoted string opened on `line` is never closed.
    case unterminatedString(line: Int)
    /// A `/*` comment opened on `line` is never closed.
    case unterminatedComment(line: Int)
    /// A `\u{…}` escape on `line` is malformed.
    case badEscape(line: Int)
    /// A string on `line` is not UTF-8 once its escapes are resolved.
    case notUTF8(line: Int)
    /// The file has no `$config = array(…)` (or `[…]`) assignment.
    case noConfigArray
    /// `$config` is assigned something other than an array literal on `line`.
    case notAnArray(line: Int, found: String)
    /// An entry on `line` has no `'key' =>`.
    case entryWithoutKey(line: Int)
    /// An entry's key on `line` is not a quoted string or a number.
    case unreadableKey(line: Int, found: String)
    /// Something other than what the array syntax allows stands on `line`.
    case unexpected(line: Int, found: String, expected: String)
    /// The value of `key` on `line` is an expression only running PHP could evaluate.
    case unreadableValue(key: String, line: Int, expression: String)
    /// The value of `key` on `line` is a double-quoted string with `$variables` in it.
    case interpolatedString(key: String, line: Int)
    /// The value of `key` (set on `line`, or 0 when it came from a default) fails our validation.
    case invalidValue(key: String, line: Int, problem: ConfigurationProblem)
    /// A key without a default in our configuration is not in the file.
    case missingKey(key: String, expected: String)

    /// The 1-based line the problem is on, or `nil` when it is about the whole file.
    public var line: Int? {
        switch self {
        case .unterminatedString(let line), .unterminatedComment(let line), .badEscape(let line), .notUTF8(let line),
            .notAnArray(let line, _), .entryWithoutKey(let line), .unreadableKey(let line, _),
            .unexpected(let line, _, _), .unreadableValue(_, let line, _), .interpolatedString(_, let line):
            line
        case .invalidValue(_, let line, _): line > 0 ? line : nil
        case .noConfigArray, .missingKey: nil
        }
    }

    public var description: String {
        let place = line.map { "line \($0): " } ?? ""
        switch self {
        case .unterminatedString: return place + "string not closed"
        case .unterminatedComment: return place + "/* comment not closed"
        case .badEscape: return place + "malformed \\u{…} escape"
        case .notUTF8: return place + "string is not UTF-8"
        case .noConfigArray: return "no `$config = array(…);` found"
        case .notAnArray(_, let found): return place + "$config is assigned \(found), not an array literal"
        case .entryWithoutKey: return place + "array entry without a 'key' =>"
        case .unreadableKey(_, let found): return place + "array key \(found) is not a quoted string"
        case .unexpected(_, let found, let expected): return place + "found \(found) where \(expected) belongs"
        case .unreadableValue(let key, _, let expression):
            return place + "'\(key)' => \(expression) is not a literal the importer can read; write the value as a quoted string"
        case .interpolatedString(let key, _):
            return place + "'\(key)' is a double-quoted string with a $variable in it; write the value literally"
        case .invalidValue(_, _, let problem): return place + problem.description
        case .missingKey(let key, let expected): return "'\(key)' is missing; expected \(expected)"
        }
    }
}
