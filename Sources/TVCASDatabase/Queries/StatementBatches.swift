/// How a bulk statement splits its rows: full batches, then the rest in descending powers of
/// two. Each distinct row count is a distinct prepared statement kept in the connection's
/// cache, so imports of any size prepare at most one statement per power of two below the
/// batch size instead of one per remainder.
enum StatementBatches {
    /// The index ranges of `count` rows in batches of at most `size`.
    static func ranges(count: Int, size: Int) -> [Range<Int>] {
        let size = max(1, size)
        var ranges: [Range<Int>] = []
        var start = 0
        while count - start >= size {
            ranges.append(start..<start + size)
            start += size
        }
        var piece = 1
        while piece * 2 <= count - start { piece *= 2 }
        while start < count {
            if count - start >= piece {
                ranges.append(start..<start + piece)
                start += piece
            }
            piece /= 2
        }
        return ranges
    }
}
