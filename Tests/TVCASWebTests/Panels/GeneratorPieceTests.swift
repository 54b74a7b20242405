import Foundation
import TVCASDatabase
import Testing

@testable import TVCASWeb

/// The generator pages' pure pieces: `peers` in both formats, the forms' rules, the live status,
/// the CW colours and dates with seconds.
@Suite("Panels: generator peers, forms, status")
struct GeneratorPieceTests {
    let dates = PanelDates(zone: TimeZone(identifier: "Europe/Moscow")!)

    @Test("peers from the original's PHP-serialized value (the fixture's row) and from our JSON")
    func peers() throws {
        let serialized =
            #"a:1:{s:18:"192.168.1.16:44390";a:4:{s:4:"time";i:1600156738;s:8:"cw_count";i:2000;s:9:"ecm_count";i:2000;s:4:"sock";i:29;}}"#
        #expect(
            GeneratorPeer.parse(serialized)
                == [GeneratorPeer(address: "192.168.1.16:44390", time: 1_600_156_738, cwCount: 2000, ecmCount: 2000, sock: 29)])
        let json =
            #"{"10.0.0.2:5000":{"cw_count":3,"ecm_count":4,"sock":2,"time":1700000000},"10.0.0.1:4000":{"cw_count":1,"ecm_count":1,"sock":1,"time":1700000001}}"#
        let parsed = GeneratorPeer.parse(json)
        #expect(parsed.map(\.address) == ["10.0.0.1:4000", "10.0.0.2:5000"])
        #expect(parsed[1].cwCount == 3 && parsed[1].ecmCount == 4 && parsed[1].time == 1_700_000_000)
        let emmg = GeneratorPeer.parse(#"{"127.0.0.1:41000":{"datagram_count":17,"sock":1,"time":5}}"#)
        #expect(emmg.first?.datagramCount == 17)
        for empty in [nil, "", "{}", "a:0:{}", "garbage", #"a:1:{s:99:"short";i:1;}"#] {
            #expect(GeneratorPeer.parse(empty).isEmpty, "\(empty ?? "nil")")
        }
    }

    @Test("PHP serialize reader: multibyte strings by byte length, nesting, errors with offsets")
    func unserialize() throws {
        let value = try PHPUnserializer().parse(#"a:3:{i:0;s:4:"Мы";s:1:"b";b:1;s:1:"d";d:1.5;}"#)
        #expect(value[""] == nil)
        guard case .array(let entries) = value else {
            Issue.record("not an array")
            return
        }
        #expect(entries[0].key == .int(0) && entries[0].value == .string("Мы"))
        #expect(value["b"] == .bool(true) && value["d"] == .double(1.5))
        #expect(throws: PHPUnserializer.Failure.trailingBytes(offset: 2)) { try PHPUnserializer().parse("N;x") }
        #expect(throws: PHPUnserializer.Failure.truncated) { try PHPUnserializer().parse("a:1:{i:0;") }
        #expect(throws: PHPUnserializer.Failure.unsupportedType(offset: 0)) { try PHPUnserializer().parse(#"O:8:"stdClass":0:{}"#) }
    }

    @Test("ECMG form: info, port, timeout, run_on checked; other posted fields ignored")
    func ecmgForm() throws {
        var fields = PHPArray()
        fields[PHPArrayKey("info")] = .string(Array("Main <b>".utf8))
        fields[PHPArrayKey("port")] = .string(Array(" 42010 ".utf8))
        fields[PHPArrayKey("timeout")] = .string(Array("30".utf8))
        fields[PHPArrayKey("run_on")] = .string(Array(" cas1 , cas2,".utf8))
        fields[PHPArrayKey("key")] = .string(Array("00".utf8))
        fields[PHPArrayKey("enable")] = .string(Array("1".utf8))
        let row = try ECMGForm(fields: fields, row: ECMGRow(key: "AB")).row
        #expect(row.info == "Main <b>" && row.port == 42010 && row.timeout == 30 && row.runOn == "cas1,cas2")
        #expect(row.key == "AB" && row.enable == 0)
        for (name, value, error) in [
            ("port", "0", GeneratorFormError.port("0")), ("port", "65536", .port("65536")), ("port", "1;2", .port("1;2")),
            ("timeout", "-1", .timeout("-1")), ("run_on", "a b", .runOn("a b")), ("info", String(repeating: "x", count: 256), .infoTooLong),
        ] {
            var bad = PHPArray()
            bad[PHPArrayKey(name)] = .string(Array(value.utf8))
            #expect(throws: error) { try ECMGForm(fields: bad, row: ECMGRow()) }
        }
        #expect(GeneratorFormError.portBusy(42000).description == "Port 42000 busy!")
    }

    @Test("EMMG form: client_id as 1 to 8 hex digits (0x allowed), host checked")
    func emmgForm() throws {
        #expect(try EMMGForm.clientID("0b000001") == 0x0B00_0001)
        #expect(try EMMGForm.clientID("0X0B000002") == 0x0B00_0002)
        #expect(try EMMGForm.clientID("ff") == 255)
        for bad in ["", "0b00000g", "123456789", "+ff", "0x"] {
            #expect(throws: GeneratorFormError.clientID(bad)) { try EMMGForm.clientID(bad) }
        }
        #expect(EMMGForm.clientIDText(0x0B00_0001) == "0b000001")
        var fields = PHPArray()
        fields[PHPArrayKey("host")] = .string(Array("mux<script>".utf8))
        #expect(throws: GeneratorFormError.host("mux<script>")) { try EMMGForm(fields: fields, row: EMMGRow()) }
        fields[PHPArrayKey("host")] = .string(Array("mux-1.example".utf8))
        fields[PHPArrayKey("client_id")] = .string(Array("0b000003".utf8))
        let row = try EMMGForm(fields: fields, row: EMMGRow(port: 41000)).row
        #expect(row.host == "mux-1.example" && row.clientID == 0x0B00_0003 && row.port == 41000)
    }

    @Test("run_on lists overlap when either is any host or they share a host")
    func overlap() {
        #expect(GeneratorFields.overlap("", "a"))
        #expect(GeneratorFields.overlap("a,b", "B"))
        #expect(!GeneratorFields.overlap("a", "b,c"))
    }

    @Test("CW colours by PHP intval(cw) % 6; times with seconds, '-' for 0")
    func colorsAndTimes() {
        #expect(PanelController.cwColor("ABCDEF0123456789") == 0)
        #expect(PanelController.cwColor("7A00000000000000") == 1)
        #expect(PanelController.cwColor("0000000000000011") == 5)
        #expect(dates.displaySeconds(0, now: 1_596_643_927) == "-")
        #expect(dates.displaySeconds(1_596_643_927, now: 1_596_643_927) == "Today at 19:12:07")
        #expect(dates.displaySeconds(1_596_643_927, now: 1_700_000_000) == "05.08.2020 at 19:12:07")
        #expect(dates.full(1_596_643_927) == "05.08.2020 19:12:07")
    }
}
