/// What a handler answers: status, headers in order, body, and optionally a time to wait before
/// sending it (served without holding a worker thread).
public struct Response: Sendable {
    /// One header line.
    public struct Header: Sendable, Equatable {
        /// The header's name.
        public var name: String
        /// The header's value.
        public var value: String

        /// A header line.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The status.
    public var status: HTTPStatus
    /// The headers, in order.
    public var headers: [Header]
    /// The body.
    public var body: ResponseBody
    /// When set, the server sends the response only after this long, from a delay queue; the
    /// worker thread takes the next request at once.
    public var delay: Duration?

    /// A response with the given parts.
    public init(status: HTTPStatus = .ok, headers: [Header] = [], body: ResponseBody = .bytes([]), delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// A response whose body is `text` in UTF-8.
    public init(status: HTTPStatus = .ok, contentType: String, text: String) {
        self.init(status: status, headers: [Header(name: "Content-Type", value: contentType)], body: .bytes(Array(text.utf8)))
    }

    /// Adds a header line.
    public mutating func addHeader(_ name: String, _ value: String) {
        headers.append(Header(name: name, value: value))
    }

    /// The value of the first header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The CGI header block: `Status:`, then the headers, then an empty line.
    public var headBytes: [UInt8] {
        var head = "Status: \(status.code) \(status.reason)\r\n"
        for header in headers {
            // A header value never carries a line break into the output.
            let value = header.value.filter { $0 != "\r" && $0 != "\n" }
            head += "\(header.name): \(value)\r\n"
        }
        head += "\r\n"
        return Array(head.utf8)
    }

    /// The body, when it is in memory.
    public var bodyBytes: [UInt8]? {
        if case .bytes(let bytes) = body { return bytes }
        return nil
    }
}
