import TVCASWeb
import Testing

@Suite("Request: CGI parameters, cookies, headers")
struct RequestTests {
    private func request(_ parameters: [String: String]) -> Request { Request(id: "r1", parameters: parameters) }

    @Test("the request line for logs masks the API key")
    func requestLine() {
        let line = request(["REQUEST_METHOD": "GET", "REQUEST_URI": "/api.php?api_key=secret&serial_no=1"]).requestLine
        #expect(line == "GET /api.php?api_key=***&serial_no=1")
    }

    @Test("path from DOCUMENT_URI, SCRIPT_NAME or REQUEST_URI")
    func path() {
        #expect(request(["DOCUMENT_URI": "/api.php", "REQUEST_URI": "/x"]).path == "/api.php")
        #expect(request(["REQUEST_URI": "/cas/?op=log"]).path == "/cas/")
    }

    @Test("headers from HTTP_* parameters; HTTPS from the HTTPS parameter")
    func headers() {
        let request = request(["HTTP_X_API_KEY": "k", "CONTENT_TYPE": "text/csv", "HTTPS": "on"])
        #expect(request.header("X-API-Key") == "k")
        #expect(request.header("Content-Type") == "text/csv")
        #expect(request.isHTTPS)
        #expect(!self.request([:]).isHTTPS)
    }

    @Test("cookies: first of a repeated name wins, values raw-decoded")
    func cookies() {
        let cookies = request(["HTTP_COOKIE": "a=1; b=x%20y+z; a=2; =bad"]).cookies
        #expect(cookies == ["a": "1", "b": "x y+z"])
    }
}
