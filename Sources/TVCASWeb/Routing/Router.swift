import Logging
import TVCASDatabase

/// A fixed route table: exact paths to handlers. Unknown paths get 404; a database that cannot be
/// reached (every node down or without quorum) gets a 503 page saying so; any other thrown error
/// gets a 500 page that shows only the request id. Errors are logged with the request line.
/// Every request is counted and timed by route and status (``WebMetrics``).
public struct Router: Sendable {
    private var routes: [String: Handler] = [:]
    private let logger: Logger
    private let metrics: WebMetrics

    /// An empty table that logs through `logger` and records into `metrics`.
    public init(logger: Logger, metrics: WebMetrics = WebMetrics()) {
        self.logger = logger
        self.metrics = metrics
    }

    /// Routes `path` (e.g. `/api.php`) to `handler`.
    public mutating func add(_ path: String, _ handler: @escaping Handler) {
        routes[path] = handler
    }

    /// The response for `request`; never throws.
    public func respond(to request: Request) -> Response {
        let start = WebMetrics.now()
        let route = routes[request.path] == nil ? "other" : request.path
        let response = answer(request)
        metrics.record(route: route, status: response.status.code, since: start)
        return response
    }

    private func answer(_ request: Request) -> Response {
        guard let handler = routes[request.path] else {
            return Self.page(.notFound, "Not found.")
        }
        do {
            return try handler(request)
        } catch let error as RequestError {
            logger.notice("bad request", metadata: ["request": "\(request.id)", "line": "\(request.requestLine)", "error": "\(error)"])
            if case .bodyTooLarge = error { return Self.page(.contentTooLarge, "Request body too large.") }
            return Self.page(.badRequest, "Bad request.")
        } catch let error as DatabaseError where error.isUnavailable {
            logger.error(
                "database unavailable",
                metadata: ["request": "\(request.id)", "line": "\(request.requestLine)", "error": "\(error)"]
            )
            var response = Self.page(
                .serviceUnavailable, "The database is unavailable at the moment. Please try again later. Request id: \(request.id)")
            response.addHeader("Retry-After", "10")
            return response
        } catch {
            logger.error(
                "request failed",
                metadata: ["request": "\(request.id)", "line": "\(request.requestLine)", "error": "\(String(reflecting: error))"]
            )
            return Self.page(.internalServerError, "Internal error. Request id: \(request.id)")
        }
    }

    /// A small plain HTML page with `text` (escaped).
    public static func page(_ status: HTTPStatus, _ text: String) -> Response {
        let escaped = text.replacingHTMLSpecials
        var response = Response(
            status: status,
            contentType: "text/html; charset=utf-8",
            text: "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(status.code) \(status.reason)</title></head>"
                + "<body><h1>\(status.code) \(status.reason)</h1><p>\(escaped)</p></body></html>\n"
        )
        response.addHeader("Cache-Control", "no-cache, no-store")
        return response
    }
}

extension String {
    var replacingHTMLSpecials: String {
        var result = ""
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
