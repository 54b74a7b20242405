/// The column names of a result, shared by all its rows.
public final class ResultColumns: Sendable {
    /// Column names (labels) in select order.
    public let names: [String]
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    /// The position of a column, by name.
    public func index(of name: String) -> Int? { positions[name] }
}
