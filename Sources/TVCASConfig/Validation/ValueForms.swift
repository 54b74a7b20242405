import Logging

/// An endpoint that may be turned off with `""` (`[web] metrics`, `[metrics] listen`).
struct OptionalEndpoint {
    /// The endpoint, or `nil` when off.
    var endpoint: HostPort?
}

/// The expected form of each kind of value, as problems state it, and the parsers that check
/// values against it. Parsers of secret values never quote the value.
enum ValueForms {
    typealias Fault = ValueReader.Fault

    static let zone =
        "an IANA zone name from the tz database (such as \"Europe/Moscow\") or a fixed offset \"±HHMM\" (such as \"+0300\")"
    static let ident = "1 to 4 hex digits, such as \"0B00\""
    static let ecmKey = "64 hex digits (32 bytes)"
    static let password =
        "a yescrypt ($y$), bcrypt ($2b$) or sha512-crypt ($6$) hash from `tvcas hash-password`, or the password in plain text"
    static let nonEmpty = "a non-empty string"
    static let folder = "a non-empty folder path"
    static let logLevel = "one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
    static let databaseServer = "\"host\", \"host:port\" or several such nodes separated by commas, such as \"db1,db2:3307\""
    static let socket = "\"\" (none) or the path of a unix socket"
    static let listen = "\"host:port\" (such as \"127.0.0.1:9000\") or \"unix:/absolute/path\""
    static let optionalEndpoint = "\"\" (off) or \"host:port\", such as \"127.0.0.1:9464\""
    static let secret = "a random string of at least 16 characters (`tvcas init-config` makes one)"
    static let hostName = "a host name without spaces or commas"

    static func parseZone(_ text: String) -> Result<ConfiguredZone, Fault> {
        if let zone = ConfiguredZone(parsing: text) { return .success(zone) }
        if text.first == "+" || text.first == "-" {
            return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not a valid ±HHMM offset"))
        }
        return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not a zone of the system's tz database"))
    }

    static func parseIdent(_ text: String) -> Result<String, Fault> {
        guard (1...4).contains(text.count), text.allSatisfy(\.isASCIIHexDigit) else {
            return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not 1 to 4 hex digits"))
        }
        return .success(text)
    }

    static func parseECMKey(_ text: String) -> Result<String, Fault> {
        if let position = text.firstIndex(where: { !$0.isASCIIHexDigit }) {
            let offset = text.distance(from: text.startIndex, to: position) + 1
            return .failure(Fault(problem: "character \(offset) is not a hex digit"))
        }
        guard text.count == 64 else {
            return .failure(Fault(problem: "has \(text.count) hex digits"))
        }
        return .success(text)
    }

    static func parsePassword(_ text: String) -> Result<Password, Fault> {
        do {
            return .success(try Password(configured: text))
        } catch {
            return .failure(Fault(problem: error.description))
        }
    }

    static func parseNonEmpty(_ text: String) -> Result<String, Fault> {
        text.allSatisfy(\.isWhitespace) ? .failure(Fault(problem: "is empty")) : .success(text)
    }

    static func parseLogLevel(_ text: String) -> Result<Logger.Level, Fault> {
        guard let level = Logger.Level(rawValue: text) else {
            return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not a log level"))
        }
        return .success(level)
    }

    static func parseSocket(_ text: String) -> Result<String, Fault> {
        guard text.isEmpty || !text.allSatisfy(\.isWhitespace) else { return .failure(Fault(problem: "is blank")) }
        guard text.utf8.count < 108 else {
            return .failure(Fault(problem: "is \(text.utf8.count) bytes long, more than a unix socket path may be (107)"))
        }
        return .success(text)
    }

    static func parseListen(_ text: String) -> Result<ListenAddress, Fault> {
        guard let address = ListenAddress(parsing: text) else {
            return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not an address to listen on"))
        }
        return .success(address)
    }

    static func parseOptionalEndpoint(_ text: String) -> Result<OptionalEndpoint, Fault> {
        if text.isEmpty { return .success(OptionalEndpoint(endpoint: nil)) }
        guard let endpoint = HostPort(parsing: text) else {
            return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not host:port"))
        }
        return .success(OptionalEndpoint(endpoint: endpoint))
    }

    static func parseSecret(_ text: String) -> Result<String, Fault> {
        if text.isEmpty { return .failure(Fault(problem: "is empty")) }
        guard text.count >= 16 else { return .failure(Fault(problem: "has only \(text.count) characters")) }
        return .success(text)
    }

    static func parseHostName(_ text: String) -> Result<String, Fault> {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "," }) else {
            return .failure(Fault(problem: "\(ValueReader.quoted(text)) is not a host name"))
        }
        return .success(text)
    }
}
