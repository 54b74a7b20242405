import Logging
import TVCASDatabase
import TVCASWeb
import Testing

/// A database that cannot be reached (every node down, or none in the primary component) is a
/// 503 with a message, not a 500; any other failure stays a 500.
@Suite("Router: database unavailable")
struct RouterUnavailableTests {
    static func respond(throwing error: any Error) -> Response {
        var router = Router(logger: Logger(label: "test"))
        router.add("/api.php") { _ in throw error }
        return router.respond(to: Request(id: "req42", parameters: ["SCRIPT_NAME": "/api.php", "DOCUMENT_URI": "/api.php"]))
    }

    @Test(
        "no node, a node without quorum, retries run out on a lost connection: 503 with a message",
        arguments: [
            DatabaseError.connectFailed(endpoint: "db1:3306", code: 2002, message: "refused"),
            DatabaseError.connectFailed(endpoint: "db2:3306", code: 1047, message: "Galera node not ready"),
            DatabaseError.retriesExhausted(
                attempts: 8, last: .server(code: 1047, sqlState: "08S01", message: "WSREP has not yet prepared node", sql: "SELECT 1")),
        ])
    func unavailableIs503(error: DatabaseError) {
        let response = Self.respond(throwing: error)
        #expect(response.status.code == 503)
        let text = String(decoding: response.bodyBytes ?? [], as: UTF8.self)
        #expect(text.contains("The database is unavailable"))
        #expect(text.contains("req42"))
        #expect(!text.contains("1047") && !text.contains("refused"))
        #expect(response.headers.contains { $0.name == "Retry-After" })
    }

    @Test("a statement the server refuses is still a 500")
    func otherDatabaseErrorIs500() {
        let response = Self.respond(throwing: DatabaseError.server(code: 1064, sqlState: "42000", message: "syntax", sql: "SELEC"))
        #expect(response.status.code == 500)
    }
}
