/// Splits PHP source into ``PHPToken``s: code between `<?php`/`<?` and `?>`, with `//`, `#` and
/// `/* */` comments skipped and single- and double-quoted strings decoded with PHP's escapes.
/// Nothing is executed; inline HTML outside the tags is skipped.
struct PHPLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var tokens: [PHPToken] = []

    /// Tokenises `source`.
    static func tokens(of source: String) throws(LegacyConfigProblem) -> [PHPToken] {
        var lexer = PHPLexer(bytes: Array(source.utf8))
        try lexer.run()
        return lexer.tokens
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func starts(with text: String) -> Bool {
        let pattern = Array(text.utf8)
        return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
    }

    private mutating func run() throws(LegacyConfigProblem) {
        var inCode = false
        while index < bytes.count {
            if !inCode {
                if starts(with: "<?php") {
                    advance(5)
                    inCode = true
                } else if starts(with: "<?=") {
                    advance(3)
                    inCode = true
                } else if starts(with: "<?") {
                    advance(2)
                    inCode = true
                } else {
                    advance()
                }
                continue
            }
            let byte = bytes[index]
            if starts(with: "?>") {
                advance(2)
                inCode = false
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
            {
                advance()
            } else if starts(with: "//") || byte == UInt8(ascii: "#") {
                // A line comment ends at the line's end or at `?>`.
                while let next = peek(), next != UInt8(ascii: "\n"), !starts(with: "?>") { advance() }
            } else if starts(with: "/*") {
                let startLine = line
                advance(2)
                while index < bytes.count, !starts(with: "*/") { advance() }
                guard index < bytes.count else { throw .unterminatedComment(line: startLine) }
                advance(2)
            } else if byte == UInt8(ascii: "'") {
                try singleQuoted()
            } else if byte == UInt8(ascii: "\"") {
                try doubleQuoted()
            } else if byte == UInt8(ascii: "$"), let next = peek(1), Self.isNameStart(next) {
                let startLine = line
                advance()
                tokens.append(PHPToken(kind: .variable(name()), line: startLine))
            } else if Self.isNameStart(byte) || (byte == UInt8(ascii: "\\") && peek(1).map(Self.isNameStart) == true) {
                let startLine = line
                var text = ""
                if byte == UInt8(ascii: "\\") {
                    advance()
                    text = "\\"
                }
                text += name()
                tokens.append(PHPToken(kind: .identifier(text), line: startLine))
            } else if Self.isDigit(byte) {
                let start = index
                while let next = peek(), Self.isNameByte(next) || next == UInt8(ascii: ".") { advance() }
                tokens.append(PHPToken(kind: .number(String(decoding: bytes[start..<index], as: UTF8.self)), line: line))
            } else {
                let symbol = ["===", "!==", "=>", "==", "!=", "<=", ">=", "->", "::", "??", ".="].first { starts(with: $0) }
                let text = symbol ?? String(decoding: [byte], as: UTF8.self)
                tokens.append(PHPToken(kind: .symbol(text), line: line))
                advance(symbol?.utf8.count ?? 1)
            }
        }
    }

    private mutating func name() -> String {
        let start = index
        while let next = peek(), Self.isNameByte(next) { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func singleQuoted() throws(LegacyConfigProblem) {
        let startLine = line
        advance()
        var value: [UInt8] = []
        while true {
            guard let byte = peek() else { throw .unterminatedString(line: startLine) }
            if byte == UInt8(ascii: "'") {
                advance()
                break
            }
            if byte == UInt8(ascii: "\\"), let next = peek(1), next == UInt8(ascii: "'") || next == UInt8(ascii: "\\") {
                value.append(next)
                advance(2)
            } else {
                value.append(byte)
                advance()
            }
        }
        try append(value, interpolates: false, line: startLine)
    }

    private mutating func doubleQuoted() throws(LegacyConfigProblem) {
        let startLine = line
        advance()
        var value: [UInt8] = []
        var interpolates = false
        while true {
            guard let byte = peek() else { throw .unterminatedString(line: startLine) }
            if byte == UInt8(ascii: "\"") {
                advance()
                break
            }
            if byte == UInt8(ascii: "$"), let next = peek(1), Self.isNameStart(next) { interpolates = true }
            if byte == UInt8(ascii: "{"), peek(1) == UInt8(ascii: "$") { interpolates = true }
            guard byte == UInt8(ascii: "\\"), let next = peek(1) else {
                value.append(byte)
                advance()
                continue
            }
            advance(2)
            switch next {
            case UInt8(ascii: "n"): value.append(0x0A)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "r"): value.append(0x0D)
            case UInt8(ascii: "v"): value.append(0x0B)
            case UInt8(ascii: "e"): value.append(0x1B)
            case UInt8(ascii: "f"): value.append(0x0C)
            case UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "\""): value.append(next)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var code = Int(next - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard let digit = peek(), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { break }
                    code = code * 8 + Int(digit - UInt8(ascii: "0"))
                    advance()
                }
                value.append(UInt8(truncatingIfNeeded: code))
            case UInt8(ascii: "x") where peek().flatMap(Self.hexValue) != nil:
                var code = 0
                for _ in 0..<2 {
                    guard let digit = peek().flatMap(Self.hexValue) else { break }
                    code = code * 16 + digit
                    advance()
                }
                value.append(UInt8(code))
            case UInt8(ascii: "u") where peek() == UInt8(ascii: "{"):
                let escapeLine = line
                advance()
                var code = 0
                var digits = 0
                while let digit = peek().flatMap(Self.hexValue) {
                    code = code * 16 + digit
                    digits += 1
                    advance()
                    guard code <= 0x10FFFF else { throw .badEscape(line: escapeLine) }
                }
                guard peek() == UInt8(ascii: "}"), digits > 0, let scalar = Unicode.Scalar(code) else {
                    throw .badEscape(line: escapeLine)
                }
                advance()
                value += Array(String(Character(scalar)).utf8)
            default:
                // PHP keeps an unknown escape as written, backslash included.
                value += [UInt8(ascii: "\\"), next]
            }
        }
        try append(value, interpolates: interpolates, line: startLine)
    }

    private mutating func append(_ value: [UInt8], interpolates: Bool, line: Int) throws(LegacyConfigProblem) {
        guard let text = String(validating: value, as: UTF8.self) else { throw .notUTF8(line: line) }
        tokens.append(PHPToken(kind: .string(text, interpolates: interpolates), line: line))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
