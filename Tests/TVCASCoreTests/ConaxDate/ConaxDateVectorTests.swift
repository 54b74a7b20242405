import TVCASCore
import TVCASTesting
import Testing

@Suite("Conax dates: slydate.json")
struct ConaxDateVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var id: String
        var timezone: String
        var unix_time: Int64
        var local_datetime: String
        var value: UInt32
        var value_hex_be: String
        var testDescription: String { id }
    }

    static let vectors = (try? GoldenVectors.cases(Vector.self, from: "slydate.json")) ?? []

    @Test("the vector file is there")
    func loaded() { #expect(!Self.vectors.isEmpty) }

    @Test("computes the value", arguments: vectors)
    func value(vector: Vector) throws {
        let zone = try ConaxTimeZone(vector.timezone)
        let date = ConaxDate(time: vector.unix_time, in: zone)
        #expect(date.rawValue == vector.value)
        #expect(date.hex == vector.value_hex_be)
        #expect(try ConaxDate(checkedTime: vector.unix_time, in: zone) == date)
        #expect(zone.localDay(of: vector.unix_time).description == String(vector.local_datetime.prefix(10)))
    }

    @Test("decodes the value back to the local day", arguments: vectors)
    func decodes(vector: Vector) throws {
        let date = ConaxDate(rawValue: vector.value)
        #expect(date.calendarDay.description == String(vector.local_datetime.prefix(10)))
        let zone = try ConaxTimeZone(vector.timezone)
        let start = date.startTime(in: zone)
        #expect(start <= vector.unix_time && vector.unix_time - start < 86_400 + 3_600)
        #expect(zone.localDay(of: start) == date.calendarDay)
        #expect(zone.localDay(of: start - 1) != date.calendarDay)
    }
}
