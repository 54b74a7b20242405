/// A result handed from a pool thread to a blocked caller.
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
