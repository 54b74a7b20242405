/// What can be wrong with a request before any handler runs.
public enum RequestError: Error, Equatable {
    /// The body is longer than the configured limit (bytes announced, limit).
    case bodyTooLarge(Int, limit: Int)
    /// A `multipart/form-data` body could not be read; the text says where.
    case malformedMultipart(String)
    /// A `multipart/form-data` request without a `boundary` parameter.
    case missingBoundary
}
