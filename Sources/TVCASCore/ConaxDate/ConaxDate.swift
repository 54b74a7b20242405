/// A Conax date ("slydate"): a calendar day packed in 16 bits as the card and OSCam read it
/// (formats.md §3).
///
/// ```
/// bits 15..13  decade = (year − 1990) / 10
/// bits 12..8   day of month
/// bits  7..4   year mod 10
/// bits  3..0   month
/// ```
/// For years from 2070 the decade no longer fits in three bits and the value grows past 16 bits
/// (2089-12-31 is 0x13F9C); it is kept whole here and each consumer cuts it its own way:
/// ``emmValue`` (the EMM: low 16 bits) and ``binBytes`` (the `.bin`: first two bytes of the `%04X`
/// text). Years before 1990 give the value of 1990-01-01, 0x0101 (decisions.md §1).
public struct ConaxDate: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The value, unbounded: decade·8192 + day·256 + (year mod 10)·16 + month.
    public var rawValue: UInt32

    /// A date from its value.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The first year a Conax date can hold.
    public static let firstYear = 1990
    /// The last year whose value the vectors cover (decade 9).
    public static let lastYear = 2089

    /// The date of a calendar day; years before 1990 give 1990-01-01.
    public init(year: Int, month: Int, day: Int) {
        guard year >= Self.firstYear else {
            rawValue = 0x0101
            return
        }
        let decade = (year - Self.firstYear) / 10
        rawValue = UInt32(truncatingIfNeeded: decade << 13 | day << 8 | (year % 10) << 4 | month)
    }

    /// The date of the local calendar day in `zone` on which Unix time `time` falls.
    public init(time: Int64, in zone: ConaxTimeZone) {
        let day = zone.localDay(of: time)
        self.init(year: day.year, month: day.month, day: day.day)
    }

    /// The year (1990 + 10·decade + year digit).
    public var year: Int { Self.firstYear + 10 * Int(rawValue >> 13) + Int(rawValue >> 4 & 0x0F) }
    /// The month, 1–12.
    public var month: Int { Int(rawValue & 0x0F) }
    /// The day of the month, 1–31.
    public var day: Int { Int(rawValue >> 8 & 0x1F) }

    /// The day as a calendar date.
    public var calendarDay: CalendarDay { CalendarDay(year: year, month: month, day: day) }

    /// The Unix time at which this day starts in `zone` (the other direction).
    public func startTime(in zone: ConaxTimeZone) -> Int64 { zone.startTime(of: calendarDay) }

    /// What the EMM carries: the low 16 bits.
    public var emmValue: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// What the `.bin` carries: the first two bytes of the value's `%04X` text — the same as
    /// big-endian for values up to 0xFFFF; 0x13F9C gives 13 F9.
    public var binBytes: (UInt8, UInt8) {
        var digits = 4
        while rawValue >> (4 * digits) != 0 { digits += 1 }
        let leading = rawValue >> (4 * (digits - 4))
        return (UInt8(truncatingIfNeeded: leading >> 8), UInt8(truncatingIfNeeded: leading))
    }

    /// `%04X`: 4 upper-case hex digits, 5 for years from 2070.
    public var hex: String {
        var digits = 4
        while rawValue >> (4 * digits) != 0 { digits += 1 }
        return Hex.encode(UInt64(rawValue), digits: digits)
    }

    public var description: String { hex }
}
