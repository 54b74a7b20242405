/// A TCP endpoint written `host:port`, `[ipv6]:port`, or (with a default port) just `host`.
public struct HostPort: Hashable, Sendable, CustomStringConvertible {
    /// The host name or address, without brackets.
    public var host: String
    /// The TCP port, 1 to 65535.
    public var port: Int

    /// An endpoint from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` (or `[v6]:port`); when `defaultPort` is given the port may be left out.
    /// Returns `nil` for an empty host, a host with spaces, slashes or commas, or a port outside 1–65535.
    public init?(parsing text: some StringProtocol, defaultPort: Int? = nil) {
        let text = String(text)
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
            guard host.contains(":") else { return nil }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else if text.contains(":") {
            // A bare IPv6 address: no port can follow it.
            host = Substring(text)
        } else {
            host = Substring(text)
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "," || $0 == "[" || $0 == "]" })
        else { return nil }
        let port: Int
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy(\.isASCIIDigit), portText.count <= 5, let value = Int(portText),
                (1...65535).contains(value)
            else { return nil }
            port = value
        } else {
            guard let defaultPort else { return nil }
            port = defaultPort
        }
        self.host = String(host)
        self.port = port
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension Character {
    /// Whether this is one of `0`–`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// Whether this is one of `0`–`9`, `a`–`f`, `A`–`F`.
    var isASCIIHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}
