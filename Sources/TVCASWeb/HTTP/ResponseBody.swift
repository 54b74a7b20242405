/// A response body: bytes in memory, or a producer that streams them (a large CSV export).
public enum ResponseBody: Sendable {
    /// The whole body.
    case bytes([UInt8])
    /// A body written piece by piece while the response is sent; an error thrown after the first
    /// piece ends the response early (the headers are gone by then).
    case stream(@Sendable (inout any ResponseBodyWriter) throws -> Void)
}
