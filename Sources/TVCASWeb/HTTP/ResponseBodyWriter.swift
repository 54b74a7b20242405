/// Where a streamed response body goes, chunk by chunk (the FastCGI output stream in the server).
public protocol ResponseBodyWriter {
    /// Writes `bytes` to the client.
    mutating func write(_ bytes: some Collection<UInt8>) throws
}

extension ResponseBodyWriter {
    /// Writes `text` as UTF-8.
    public mutating func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}
