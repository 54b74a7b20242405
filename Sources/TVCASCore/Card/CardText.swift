/// Dates and numbers in the words the card's explanations use.
enum CardText {
    /// A Unix epoch as a UTC date and time, e.g. `2024-05-01 00:00:00 UTC`.
    static func utc(_ epoch: UInt32) -> String {
        let seconds = Int(epoch)
        let (year, month, day) = civilDate(daysSinceEpoch: seconds / 86_400)
        let time = seconds % 86_400
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(time / 3600, 2)):\(pad(time / 60 % 60, 2)):\(pad(time % 60, 2)) UTC"
    }

    /// A Conax date as `YYYY-MM-DD`, decoded as OSCam does (year = 1990 + 10·decade + digit).
    static func conaxDate(_ value: UInt16) -> String {
        let high = Int(value >> 8)
        let low = Int(value & 0xFF)
        return "\(pad(1990 + 10 * (high >> 5) + (low >> 4), 4))-\(pad(low & 0x0F, 2))-\(pad(high & 0x1F, 2))"
    }

    /// Eight hex digits.
    static func hex32(_ value: UInt32) -> String {
        CardHex.string([
            UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ])
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's algorithm).
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
