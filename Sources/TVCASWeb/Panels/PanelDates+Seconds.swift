import Foundation

extension PanelDates {
    /// `dd.mm.YYYY HH:MM:SS` (the log viewer's lines, panels.md §6).
    func full(_ time: Int64) -> String {
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(time)))
        return String(
            format: "%02d.%02d.%04d %02d:%02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!, parts.second!)
    }

    /// The generator pages' form (panels.md §2): `-` for 0 or none, else `Today at 10:45:07`,
    /// `05.08.2020 at 19:12:01`.
    func displaySeconds(_ time: UInt32?, now: UInt32) -> String {
        guard let time, time != 0 else { return "-" }
        return dayAt(time, now: now, clock: String(full(Int64(time)).suffix(8)))
    }
}
