import Foundation
import TVCASDatabase
import TVCASTesting
import Testing

@Suite("The panels' switches on tvcas_ecmg and tvcas_emmg")
struct GeneratorSwitchesTests {
    @Test("enable, reload and delete change the row of their own kind only, even when an ECMG and an EMMG share the id")
    func switches() throws {
        let database = try TestDatabase.migrated(prefix: "switches")
        defer { database.drop() }
        let connection = Connection(settings: database.settings)
        defer { connection.close() }
        let demo = DemoData(ecmKey: "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE")
        let id = try connection.ecmgs.insert(demo.ecmg)
        let emmgID = try connection.emmgs.insert(demo.emmg)
        try #require(emmgID == id)

        let ecmgs = connection.generatorSwitches(.ecmg)
        try ecmgs.setEnable(id: id, true)
        try ecmgs.requestReload(id: id)
        let ecmg = try #require(try connection.ecmgs.find(id: id))
        #expect(ecmg.enable == 1 && ecmg.reload == 1)
        let untouched = try #require(try connection.emmgs.find(id: id))
        #expect(untouched.enable == demo.emmg.enable && untouched.reload == demo.emmg.reload)

        try connection.generatorSwitches(.emmg).setEnable(id: id, false)
        #expect(try connection.emmgs.find(id: id)?.enable == 0)
        #expect(try ecmgs.exists(id: id))
        #expect(try ecmgs.delete(id: id))
        #expect(try !ecmgs.exists(id: id))
        #expect(try !ecmgs.delete(id: id))
        #expect(try connection.generatorSwitches(.emmg).exists(id: id))
    }
}
