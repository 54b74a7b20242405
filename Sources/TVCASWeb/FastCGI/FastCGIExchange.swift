import CFastCGI

/// One accepted FastCGI request: reads its parameters and body, writes the answer. Owned by one
/// thread at a time (a worker, or the delay queue after a hand-over).
final class FastCGIExchange: @unchecked Sendable {
    let raw: UnsafeMutablePointer<FCGX_Request>

    init(raw: UnsafeMutablePointer<FCGX_Request>) {
        self.raw = raw
    }

    /// The CGI parameters.
    func parameters() -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = raw.pointee.envp else { return result }
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }

    /// Reads the body: at most `limit` bytes, else `bodyTooLarge`.
    func readBody(contentLength: Int, limit: Int) throws(RequestError) -> [UInt8] {
        guard contentLength > 0 else { return [] }
        guard contentLength <= limit else { throw .bodyTooLarge(contentLength, limit: limit) }
        var body = [UInt8](repeating: 0, count: contentLength)
        var filled = 0
        while filled < contentLength {
            let read = body.withUnsafeMutableBytes { buffer in
                FCGX_GetStr(
                    buffer.baseAddress!.advanced(by: filled).assumingMemoryBound(to: CChar.self),
                    Int32(min(contentLength - filled, 1 << 20)),
                    raw.pointee.in
                )
            }
            if read <= 0 { break }
            filled += Int(read)
        }
        body.removeSubrange(filled...)
        return body
    }

    /// Writes the response; a streaming body that throws ends the response where it stopped.
    func send(_ response: Response) throws {
        var writer: any ResponseBodyWriter = StreamWriter(stream: raw.pointee.out)
        try writer.write(response.headBytes)
        switch response.body {
        case .bytes(let bytes): try writer.write(bytes)
        case .stream(let produce): try produce(&writer)
        }
    }

    /// Ends the request (`FCGX_Finish_r`): flushes and closes the connection to nginx.
    func finish() {
        FCGX_Finish_r(raw)
    }

    /// Ends the request and frees the struct (for exchanges handed over to the delay queue).
    func finishAndRelease() {
        FCGX_Finish_r(raw)
        raw.deallocate()
    }
}

/// Writes into a libfcgi output stream.
struct StreamWriter: ResponseBodyWriter {
    let stream: UnsafeMutablePointer<FCGX_Stream>?

    mutating func write(_ bytes: some Collection<UInt8>) throws {
        let written: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { FCGX_PutStr($0, Int32(buffer.count), stream) }
        }
        let result =
            written
            ?? Array(bytes).withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { FCGX_PutStr($0, Int32(buffer.count), stream) }
            }
        if result < 0 { throw ClientGone() }
    }
}

/// The client went away while the response was written.
struct ClientGone: Error {}
