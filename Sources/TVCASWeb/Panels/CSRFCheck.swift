import TVCASConfig

/// Comparison of CSRF tokens in constant time.
enum CSRFCheck {
    /// Whether `offered` equals `expected` (never for an empty expected token).
    static func equal(_ expected: String, _ offered: String) -> Bool {
        !expected.isEmpty && ConstantTime.equals(expected, offered)
    }
}
