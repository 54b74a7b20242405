import Foundation

extension PanelDates {
    private var zonedCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `dd.mm.YYYY HH:MM:SS` (the log viewer's lines, panels.md §6).
    func full(_ time: Int64) -> String {
        let parts = zonedCalendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(time)))
        return String(
            format: "%02d.%02d.%04d %02d:%02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!, parts.second!)
    }

    /// The generator pages' form (panels.md §2): `-` for 0 or none, else `Today at 10:45:07`,
    /// `05.08.2020 at 19:12:01`.
    func displaySeconds(_ time: UInt32?, now: UInt32) -> String {
        guard let time, time != 0 else { return "-" }
        let calendar = zonedCalendar
        let date = Date(timeIntervalSince1970: Double(time))
        let text = full(Int64(time))
        let clock = String(text.suffix(8))
        let dayNow = calendar.startOfDay(for: Date(timeIntervalSince1970: Double(now)))
        let days = calendar.dateComponents([.day], from: dayNow, to: calendar.startOfDay(for: date)).day ?? 99
        switch days {
        case 0: return "Today at \(clock)"
        case -1: return "Yesterday at \(clock)"
        case 1: return "Tomorrow at \(clock)"
        default: return String(text.prefix(10)) + " at \(clock)"
        }
    }
}
