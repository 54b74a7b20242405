import Foundation

/// Search matches marked in a value (panels.md §3.1: `<span class='ins'>`), literally and
/// case-insensitively; every piece is HTML-escaped, so the result is safe to print raw.
enum Highlight {
    /// `text` escaped, with each occurrence of any of `terms` wrapped in `<span class="ins">`.
    static func html(_ text: String, terms: [String]) -> String {
        let terms = terms.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return text.replacingHTMLSpecials }
        var result = ""
        var position = text.startIndex
        while position < text.endIndex {
            let found = terms.compactMap { text.range(of: $0, options: [.caseInsensitive], range: position..<text.endIndex) }
                .min { $0.lowerBound < $1.lowerBound }
            guard let match = found, !match.isEmpty else { break }
            result += String(text[position..<match.lowerBound]).replacingHTMLSpecials
            result += "<span class=\"ins\">" + String(text[match]).replacingHTMLSpecials + "</span>"
            position = match.upperBound
        }
        result += String(text[position...]).replacingHTMLSpecials
        return result
    }
}
