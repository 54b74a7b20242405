/// Dates and numbers in the words the card's explanations use.
enum CardText {
    /// A Unix epoch as a UTC date and time, e.g. `2024-05-01 00:00:00 UTC`.
    static func utc(_ epoch: UInt32) -> String {
        let seconds = Int64(epoch)
        let day = CalendarDay(daysSinceEpoch: seconds / 86_400)
        let time = Int(seconds % 86_400)
        return "\(day) \(pad(time / 3600)):\(pad(time / 60 % 60)):\(pad(time % 60)) UTC"
    }

    /// A Conax date as `YYYY-MM-DD`, decoded as OSCam does.
    static func conaxDate(_ value: UInt16) -> String {
        ConaxDate(rawValue: UInt32(value)).calendarDay.description
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
