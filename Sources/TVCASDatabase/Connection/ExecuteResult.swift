/// What a write did.
public struct ExecuteResult: Sendable, Equatable {
    /// Rows matched by an UPDATE (found rows), or inserted/deleted.
    public var affectedRows: UInt64
    /// The AUTO_INCREMENT id of the first row inserted, 0 when none.
    public var lastInsertID: UInt64
}
