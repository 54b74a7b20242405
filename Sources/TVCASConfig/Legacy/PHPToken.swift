/// A token of PHP source, as far as reading a `$config` array literal needs.
struct PHPToken: Hashable, Sendable {
    /// What kind of token it is.
    enum Kind: Hashable, Sendable {
        /// `$name`.
        case variable(String)
        /// A name: `array`, `date`, `true`, `\date`.
        case identifier(String)
        /// A quoted string with its escapes resolved; `interpolates` when a double-quoted string
        /// holds a `$variable` or `{$…}` that only running PHP could fill in.
        case string(String, interpolates: Bool)
        /// A number as written (`120`, `0x1F`, `1.5`).
        case number(String)
        /// Punctuation and operators: `=>`, `=`, `==`, `(`, `)`, `[`, `]`, `,`, `;`, `.`, …
        case symbol(String)
    }

    /// The token.
    var kind: Kind
    /// The 1-based line it starts on.
    var line: Int

    /// The token as PHP source, roughly, for messages.
    var text: String {
        switch kind {
        case .variable(let name): "$" + name
        case .identifier(let name): name
        case .string(let value, _): TOMLLiteral.quote(value)
        case .number(let text): text
        case .symbol(let symbol): symbol
        }
    }
}
