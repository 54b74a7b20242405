/// An HTTP status: the code and the reason phrase sent in the CGI `Status:` header.
public struct HTTPStatus: Sendable, Equatable {
    /// The numeric code.
    public var code: Int
    /// The reason phrase.
    public var reason: String

    /// A status with its code and phrase.
    public init(_ code: Int, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// 200 OK
    public static let ok = HTTPStatus(200, "OK")
    /// 303 See Other
    public static let seeOther = HTTPStatus(303, "See Other")
    /// 400 Bad Request
    public static let badRequest = HTTPStatus(400, "Bad Request")
    /// 403 Forbidden
    public static let forbidden = HTTPStatus(403, "Forbidden")
    /// 404 Not Found
    public static let notFound = HTTPStatus(404, "Not Found")
    /// 405 Method Not Allowed
    public static let methodNotAllowed = HTTPStatus(405, "Method Not Allowed")
    /// 413 Content Too Large
    public static let contentTooLarge = HTTPStatus(413, "Content Too Large")
    /// 429 Too Many Requests
    public static let tooManyRequests = HTTPStatus(429, "Too Many Requests")
    /// 500 Internal Server Error
    public static let internalServerError = HTTPStatus(500, "Internal Server Error")
    /// 503 Service Unavailable
    public static let serviceUnavailable = HTTPStatus(503, "Service Unavailable")
}
