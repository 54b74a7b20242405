import Foundation

/// The configuration's `zone`: an IANA tz database name, or a fixed `±HHMM` offset.
public struct ConfiguredZone: Hashable, Sendable, CustomStringConvertible {
    /// The zone as written (`Europe/Moscow`, `+0300`).
    public let text: String
    /// The zone, for date arithmetic.
    public let timeZone: TimeZone
    /// Whether `text` is a fixed `±HHMM` offset (no daylight-saving time).
    public let isFixedOffset: Bool

    /// Where the system's tz database lives.
    static let zoneInfoDirectory = "/usr/share/zoneinfo"

    /// A zone from an IANA name found in the system's tz database (`/usr/share/zoneinfo`) or from
    /// `±HHMM` (hours 00–14, minutes 00–59); `nil` for anything else.
    public init?(parsing text: String) {
        if let seconds = Self.offsetSeconds(text) {
            guard let zone = TimeZone(secondsFromGMT: seconds) else { return nil }
            self.text = text
            self.timeZone = zone
            self.isFixedOffset = true
            return
        }
        guard Self.isZoneName(text), let zone = TimeZone(identifier: text) else { return nil }
        self.text = text
        self.timeZone = zone
        self.isFixedOffset = false
    }

    /// The host's zone: its IANA name when it has one, else its current offset as `±HHMM`.
    public static var host: ConfiguredZone {
        let current = TimeZone.current
        if let zone = ConfiguredZone(parsing: current.identifier) { return zone }
        return ConfiguredZone(parsing: offsetText(current.secondsFromGMT())) ?? ConfiguredZone(parsing: "+0000")!
    }

    /// `±HHMM` for an offset in seconds east of UTC.
    static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        let hours = minutes / 60
        let digits = String(hours).count < 2 ? "0\(hours)" : "\(hours)"
        let rest = minutes % 60 < 10 ? "0\(minutes % 60)" : "\(minutes % 60)"
        return (seconds < 0 ? "-" : "+") + digits + rest
    }

    /// Seconds east of UTC for `±HHMM`, or `nil` when the text is not of that form.
    static func offsetSeconds(_ text: String) -> Int? {
        let characters = Array(text)
        guard characters.count == 5, characters[0] == "+" || characters[0] == "-",
            characters[1...].allSatisfy(\.isASCIIDigit), let hours = Int(String(characters[1...2])),
            let minutes = Int(String(characters[3...4])), hours <= 14, minutes < 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return characters[0] == "-" ? -seconds : seconds
    }

    /// Whether `name` looks like a tz database name and, when the system has a tz database, is in it.
    static func isZoneName(_ name: String) -> Bool {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
            name.allSatisfy({ $0.isLetter || $0.isNumber || "/_-+".contains($0) }),
            name.first?.isLetter == true
        else { return false }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: zoneInfoDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else { return true }
        let path = zoneInfoDirectory + "/" + name
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public var description: String { text }
}
