import Foundation
import Logging
import Testing

@testable import tvcas

@Suite("Log lines: one per event")
struct OneLineLogHandlerTests {
    @Test("time, level, label, message, then sorted key=value pairs")
    func format() {
        let line = OneLineLogHandler.format(
            date: Date(timeIntervalSince1970: 1_764_084_717.123), level: .warning, label: "ecmg_24", message: "closing: timeout",
            metadata: ["sock": "3", "peer": "10.0.0.5:40112"])
        #expect(line == "2025-11-25T15:31:57.123Z warning ecmg_24: closing: timeout peer=10.0.0.5:40112 sock=3\n")
    }

    @Test("line breaks and control characters are escaped, values with spaces or quotes quoted")
    func escaping() {
        let line = OneLineLogHandler.format(
            date: Date(timeIntervalSince1970: 0), level: .error, label: "tvcas.web", message: "request failed\nsecond line",
            metadata: ["error": "server(code: 1064,\n message: \"x\")", "request": "00ab", "empty": ""])
        #expect(line.filter { $0 == "\n" }.count == 1 && line.hasSuffix("\n"))
        #expect(line.contains("request failed\\nsecond line"))
        #expect(line.contains(#"error="server(code: 1064,\n message: \"x\")""#))
        #expect(line.contains("request=00ab") && line.contains("empty=\"\""))
        #expect(OneLineLogHandler.escaped("a\u{1B}b\tc") == "a\\u{1b}b\\tc")
    }
}
