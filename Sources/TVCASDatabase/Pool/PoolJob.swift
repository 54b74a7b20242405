/// Work handed to a pool thread: runs with that thread's connection.
struct PoolJob: Sendable {
    let run: @Sendable (Connection) -> Void
}
