import Foundation
import TVCASCore
import Testing

@Suite("Conax dates: rules and zones")
struct ConaxDateTests {
    @Test("the formats.md example: 2020-08-05 is 0x6508")
    func example() {
        #expect(ConaxDate(year: 2020, month: 8, day: 5).rawValue == 0x6508)
    }

    @Test("years from 2070 grow past 16 bits; the EMM keeps the low bits, the .bin the first two bytes of %04X")
    func overflow() {
        let date = ConaxDate(year: 2089, month: 12, day: 31)
        #expect(date.rawValue == 0x13F9C)
        #expect(date.hex == "13F9C")
        #expect(date.emmValue == 0x3F9C)
        #expect(date.binBytes == (0x13, 0xF9))
        let small = ConaxDate(year: 2020, month: 8, day: 5)
        #expect(small.binBytes == (0x65, 0x08))
        #expect(small.emmValue == 0x6508)
    }

    @Test("years from 2090 follow the same formula, unbounded")
    func beyond2089() {
        let date = ConaxDate(year: 2095, month: 6, day: 15)
        #expect(date.rawValue == 10 * 8192 + 15 * 256 + 5 * 16 + 6)
        #expect(date.year == 2095 && date.month == 6 && date.day == 15)
        #expect(ConaxDate(year: 2300, month: 1, day: 1).hex.count == 5)
        #expect(ConaxDate(year: 3300, month: 1, day: 1).hex.count == 6)
    }

    @Test("years before 1990 give 1990-01-01")
    func before1990() throws {
        #expect(ConaxDate(year: 1989, month: 12, day: 31).rawValue == 0x0101)
        #expect(ConaxDate(time: 0, in: .utc).rawValue == 0x0101)
        #expect(throws: ConaxDateError.yearOutOfRange(1970)) { try ConaxDate(checkedTime: 0, in: .utc) }
        #expect(throws: ConaxDateError.yearOutOfRange(2090)) { try ConaxDate(checkedTime: 3_786_912_000, in: .utc) }
    }

    @Test("the date is taken in the zone: 00:30 on the 5th in Moscow is still the 4th in UTC")
    func zoneMatters() throws {
        // 2020-08-04 21:30 UTC = 2020-08-05 00:30 Moscow (UTC+3).
        let time: Int64 = 1_596_576_600
        #expect(ConaxDate(time: time, in: .utc).day == 4)
        #expect(ConaxDate(time: time, in: try ConaxTimeZone("Europe/Moscow")).day == 5)
        #expect(ConaxDate(time: time, in: try ConaxTimeZone("+0300")).day == 5)
        #expect(ConaxDate(time: time, in: try ConaxTimeZone("-0300")).day == 4)
    }

    @Test("fixed offsets ±HHMM", arguments: [("+0300", 10_800), ("-0300", -10_800), ("+0530", 19_800), ("-0000", 0), ("+1400", 50_400)])
    func fixedOffsets(text: String, seconds: Int) throws {
        #expect(try ConaxTimeZone(text).timeZone.secondsFromGMT(for: Date()) == seconds)
    }

    @Test("unknown zones are refused", arguments: ["", "Mars/Olympus", "+03", "+0360", "+3000", "03:00", "-0300x"])
    func unknownZones(text: String) {
        #expect(throws: ConaxDateError.unknownZone(text)) { try ConaxTimeZone(text) }
    }

    @Test(
        "a day round trip: every day from 1990 to 2089, both directions, in several zones",
        arguments: ["UTC", "Europe/Moscow", "America/Sao_Paulo", "-0930"])
    func roundTrip(zoneName: String) throws {
        let zone = try ConaxTimeZone(zoneName)
        var random = SeededGenerator(seed: 42)
        var time: Int64 = 631_152_000 + 86_400 + 43_200
        while time < 3_786_825_600 {
            let probe = time + Int64.random(in: -40_000...40_000, using: &random)
            let date = ConaxDate(time: probe, in: zone)
            let day = zone.localDay(of: probe)
            #expect(date.calendarDay == day)
            #expect(ConaxDate(year: day.year, month: day.month, day: day.day) == date)
            let start = date.startTime(in: zone)
            #expect(start <= probe)
            #expect(ConaxDate(time: start, in: zone) == date)
            #expect(ConaxDate(time: start - 1, in: zone) != date)
            time += 86_400 * Int64.random(in: 1...20, using: &random)
        }
    }

    @Test("a day whose midnight does not exist starts when the clocks jump")
    func midnightGap() throws {
        // São Paulo started DST on 2018-11-04 at 00:00 (−03) → 01:00 (−02), i.e. at 03:00 UTC.
        let zone = try ConaxTimeZone("America/Sao_Paulo")
        let date = ConaxDate(year: 2018, month: 11, day: 4)
        #expect(date.startTime(in: zone) == 1_541_300_400)
        #expect(ConaxDate(time: 1_541_300_400, in: zone) == date)
        #expect(ConaxDate(time: 1_541_300_399, in: zone) == ConaxDate(year: 2018, month: 11, day: 3))
    }

    @Test("calendar days and days since 1970 agree")
    func civilDays() {
        #expect(CalendarDay(daysSinceEpoch: 0) == CalendarDay(year: 1970, month: 1, day: 1))
        #expect(CalendarDay(daysSinceEpoch: -1) == CalendarDay(year: 1969, month: 12, day: 31))
        #expect(CalendarDay(year: 2000, month: 2, day: 29).daysSinceEpoch == 11_016)
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            #expect(CalendarDay(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }
}
