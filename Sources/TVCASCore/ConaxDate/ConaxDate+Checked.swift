extension ConaxDate {
    /// The date of Unix time `time` in `zone`, refusing local years outside 1990–2089 (which the
    /// builders accept and cut; `tvcas conax-date` refuses them).
    public init(checkedTime time: Int64, in zone: ConaxTimeZone) throws(ConaxDateError) {
        let day = zone.localDay(of: time)
        guard (Self.firstYear...Self.lastYear).contains(day.year) else { throw .yearOutOfRange(day.year) }
        self.init(year: day.year, month: day.month, day: day.day)
    }
}
