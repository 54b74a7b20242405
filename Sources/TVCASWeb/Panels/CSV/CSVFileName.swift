import Foundation

/// The export's file name: `YYYY-mm-dd_HHMMSS_<set>.csv`, the time in the configured zone
/// (config-csv-logs.md §2), e.g. `2023-11-15_011320_admin.csv`.
public enum CSVFileName {
    /// The name of an export of `columns` made at `time` (unix) in `zone`.
    public static func make(columns: CSVColumnSet, at time: UInt32, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(time)))
        let stamp = String(
            format: "%04d-%02d-%02d_%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
        return "\(stamp)_\(columns.name).csv"
    }
}
