/// Levenshtein distance between two strings (insertions, deletions, substitutions), used to
/// suggest the nearest known key for a misspelt one.
enum EditDistance {
    /// The number of single-character edits that turn `a` into `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate nearest to `name` (the first one on a tie), or `nil` when there are none.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        candidates.min { between(name, $0) < between(name, $1) }
    }
}
