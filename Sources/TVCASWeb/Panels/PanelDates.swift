import Foundation

/// Dates as the panels show and take them (panels.md §2): `dd.mm.YYYY HH:MM` in the configured
/// zone, with `Today` / `Yesterday` / `Tomorrow` instead of the date where it applies.
struct PanelDates: Sendable {
    /// The configured zone.
    let zone: TimeZone

    /// A Gregorian calendar in the zone.
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `dd.mm.YYYY HH:MM` (form fields).
    func field(_ time: UInt32?) -> String {
        guard let time else { return "" }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: Double(time)))
        return String(format: "%02d.%02d.%04d %02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!)
    }

    /// The list's form: `Today at 10:45`, `05.08.2020 at 19:12`.
    func display(_ time: UInt32?, now: UInt32) -> String {
        guard let time else { return "-" }
        let parts = calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: Double(time)))
        return dayAt(time, now: now, clock: String(format: "%02d:%02d", parts.hour!, parts.minute!))
    }

    /// `<day> at <clock>`: the day is `Today`, `Yesterday` or `Tomorrow` seen from `now`, else
    /// `dd.mm.YYYY`.
    func dayAt(_ time: UInt32, now: UInt32, clock: String) -> String {
        let dayNow = calendar.startOfDay(for: Date(timeIntervalSince1970: Double(now)))
        let day = calendar.startOfDay(for: Date(timeIntervalSince1970: Double(time)))
        switch calendar.dateComponents([.day], from: dayNow, to: day).day ?? 99 {
        case 0: return "Today at \(clock)"
        case -1: return "Yesterday at \(clock)"
        case 1: return "Tomorrow at \(clock)"
        default: return String(field(time).prefix(10)) + " at \(clock)"
        }
    }

    /// `HH:MM:SS` now (the footer).
    func clock(_ time: UInt32) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: Date(timeIntervalSince1970: Double(time)))
        return String(format: "%02d:%02d:%02d", parts.hour!, parts.minute!, parts.second!)
    }

    /// The year of `time` in the zone.
    func year(_ time: UInt32) -> Int {
        calendar.component(.year, from: Date(timeIntervalSince1970: Double(time)))
    }

    /// Parses `dd.mm.YYYY HH:MM` or `dd.mm.YYYY HH:MM:SS` (or a date alone); nil when malformed
    /// or outside the unix time a card holds.
    func parse(_ text: String) -> UInt32? {
        let pieces = text.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        guard pieces.count == 1 || pieces.count == 2 else { return nil }
        let date = pieces[0].split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        let clock = pieces.count == 2 ? pieces[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } : [0, 0]
        guard date.count == 3, clock.count == 2 || clock.count == 3, !date.contains(nil), !clock.contains(nil) else { return nil }
        let (day, month, year) = (date[0]!, date[1]!, date[2]!)
        let (hour, minute, second) = (clock[0]!, clock[1]!, clock.count == 3 ? clock[2]! : 0)
        guard (1...31).contains(day), (1...12).contains(month), (1970...2105).contains(year), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let result = calendar.date(from: components), calendar.component(.day, from: result) == day else { return nil }
        let seconds = result.timeIntervalSince1970
        guard seconds >= 0, seconds <= Double(UInt32.max) else { return nil }
        return UInt32(seconds)
    }
}
