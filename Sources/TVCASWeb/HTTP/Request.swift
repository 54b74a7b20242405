/// One request as the FastCGI client (nginx) handed it over: the CGI parameters, the query
/// parsed with PHP's rules, and the body.
public struct Request: Sendable {
    /// A short random id, logged with every message about this request.
    public let id: String
    /// The CGI parameters (`REQUEST_METHOD`, `QUERY_STRING`, `HTTP_*`, …).
    public let parameters: [String: String]
    /// The request body (at most the server's limit).
    public let body: [UInt8]
    /// The query string's variables (PHP's `$_GET`).
    public let query: PHPArray

    /// A request from its CGI parameters and body.
    public init(id: String, parameters: [String: String], body: [UInt8] = []) {
        self.id = id
        self.parameters = parameters
        self.body = body
        self.query = PHPVariableParser().parse(Array((parameters["QUERY_STRING"] ?? "").utf8))
    }

    /// `GET`, `POST`, …
    public var method: String { parameters["REQUEST_METHOD"] ?? "GET" }

    /// The path without the query (`DOCUMENT_URI`, else `SCRIPT_NAME`, else `REQUEST_URI`'s path).
    public var path: String {
        if let uri = parameters["DOCUMENT_URI"], !uri.isEmpty { return uri }
        if let script = parameters["SCRIPT_NAME"], !script.isEmpty { return script }
        let uri = parameters["REQUEST_URI"] ?? "/"
        return String(uri.prefix { $0 != "?" })
    }

    /// The raw query string.
    public var queryString: String { parameters["QUERY_STRING"] ?? "" }

    /// The client's address as nginx saw it.
    public var remoteAddress: String { parameters["REMOTE_ADDR"] ?? "" }

    /// Whether nginx received the request over HTTPS.
    public var isHTTPS: Bool {
        guard let https = parameters["HTTPS"] else { return false }
        return !https.isEmpty && https.lowercased() != "off"
    }

    /// The request line for logs: `GET /api.php?…` (the query's `api_key` value is masked).
    public var requestLine: String {
        let uri = parameters["REQUEST_URI"] ?? path
        return "\(method) \(Self.maskingSecrets(in: uri))"
    }

    /// The value of the request header `name` (`X-API-Key` is read from `HTTP_X_API_KEY`).
    public func header(_ name: String) -> String? {
        let key = "HTTP_" + String(name.uppercased().map { $0 == "-" ? "_" : $0 })
        if let value = parameters[key] { return value }
        switch name.lowercased() {
        case "content-type": return parameters["CONTENT_TYPE"]
        case "content-length": return parameters["CONTENT_LENGTH"]
        default: return nil
        }
    }

    /// The cookies (PHP's `$_COOKIE`): `;`-separated, values raw-URL-decoded, the first of a
    /// repeated name wins.
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for piece in (header("Cookie") ?? "").split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: PHPURLDecoding.rawDecode(Array(pair[0].trimmingSpaces.utf8)), as: UTF8.self)
            guard !name.isEmpty, result[name] == nil else { continue }
            let value = pair.count > 1 ? PHPURLDecoding.rawDecode(Array(pair[1].utf8)) : []
            result[name] = String(decoding: value, as: UTF8.self)
        }
        return result
    }

    /// The body's form fields and files, for `application/x-www-form-urlencoded` and
    /// `multipart/form-data`; other content types give an empty form.
    public func form() throws(RequestError) -> FormBody {
        let contentType = header("Content-Type") ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        switch mediaType {
        case "application/x-www-form-urlencoded":
            var form = FormBody()
            form.fields = PHPVariableParser().parse(body)
            return form
        case "multipart/form-data":
            guard let boundary = MultipartParser.parameter("boundary", in: contentType), !boundary.isEmpty else {
                throw .missingBoundary
            }
            return try MultipartParser.parse(body, boundary: boundary)
        default:
            return FormBody()
        }
    }

    static func maskingSecrets(in uri: String) -> String {
        guard let questionMark = uri.firstIndex(of: "?") else { return uri }
        let pairs = uri[uri.index(after: questionMark)...].split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.hasPrefix("api_key=") ? "api_key=***" : String(pair)
        }
        return uri[...questionMark] + pairs.joined(separator: "&")
    }
}
