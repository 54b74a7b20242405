import Foundation

/// The time zone in which Conax dates are taken (the original used its PHP default zone):
/// a tz database name (`Europe/Moscow`, `UTC`) or a fixed offset `±HHMM` (`+0300`, `-0330`).
public struct ConaxTimeZone: Hashable, Sendable, CustomStringConvertible {
    /// The zone.
    public let timeZone: TimeZone
    /// The zone as written.
    public let name: String

    /// A zone from a tz database name or a `±HHMM` offset.
    public init(_ text: String) throws(ConaxDateError) {
        if let offset = Self.fixedOffset(text) {
            guard let zone = TimeZone(secondsFromGMT: offset) else { throw .unknownZone(text) }
            timeZone = zone
        } else {
            guard !text.isEmpty, !text.hasPrefix("+"), !text.hasPrefix("-"), let zone = TimeZone(identifier: text) else {
                throw .unknownZone(text)
            }
            timeZone = zone
        }
        name = text
    }

    /// A zone from Foundation's `TimeZone`.
    public init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        name = timeZone.identifier
    }

    /// The host's zone (the original's default).
    public static var current: ConaxTimeZone { ConaxTimeZone(TimeZone.current) }

    /// UTC.
    public static let utc = ConaxTimeZone(TimeZone(secondsFromGMT: 0)!)

    /// The local calendar day on which Unix time `time` falls.
    public func localDay(of time: Int64) -> CalendarDay {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time))))
        let local = time + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CalendarDay(daysSinceEpoch: days)
    }

    /// The Unix time at which local day `day` starts: its first second, which is later than
    /// midnight where the clocks jump forward at midnight.
    public func startTime(of day: CalendarDay) -> Int64 {
        // Offsets stay within ±18 h, so the day starts within 19 h of midnight UTC of the same
        // date: search that window for the first second whose local day is not before `day`.
        let target = day.daysSinceEpoch
        let midnight = target * 86_400
        var low = midnight - 19 * 3600  // local day is still before `day`
        var high = midnight + 19 * 3600  // local day is `day` or later
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if localDay(of: middle).daysSinceEpoch < target { low = middle } else { high = middle }
        }
        return high
    }

    public var description: String { name }

    /// Seconds east of UTC for `±HHMM` text, or `nil` when the text is not of that form.
    static func fixedOffset(_ text: String) -> Int? {
        let characters = Array(text.utf8)
        guard characters.count == 5, characters[0] == UInt8(ascii: "+") || characters[0] == UInt8(ascii: "-"),
            characters[1...].allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        let hours = Int(characters[1] - 0x30) * 10 + Int(characters[2] - 0x30)
        let minutes = Int(characters[3] - 0x30) * 10 + Int(characters[4] - 0x30)
        guard hours <= 18, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return characters[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    public static func == (lhs: ConaxTimeZone, rhs: ConaxTimeZone) -> Bool { lhs.timeZone == rhs.timeZone }
    public func hash(into hasher: inout Hasher) { hasher.combine(timeZone) }
}
