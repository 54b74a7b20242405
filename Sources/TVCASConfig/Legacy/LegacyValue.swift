/// The value of one `$config` entry, as far as it can be known without running PHP.
enum LegacyValue: Hashable, Sendable {
    /// A string literal (or several joined with `.`), or a number, as text.
    case text(String)
    /// `date("O")`: the server's UTC offset at run time.
    case hostOffset
    /// A double-quoted string with `$variables` in it.
    case interpolated
    /// Any other expression, as written (roughly).
    case expression(String)
}

/// One `'key' => value` of the `$config` array.
struct LegacyEntry: Hashable, Sendable {
    /// The key.
    var key: String
    /// The value.
    var value: LegacyValue
    /// The line the entry starts on.
    var line: Int
}
