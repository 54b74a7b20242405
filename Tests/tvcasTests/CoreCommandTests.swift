import Foundation
import TVCASTesting
import Testing

@Suite("tvcas ecm / emm / conax-date / card bin")
struct CoreCommandTests {
    static let ecmKey = "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"
    static let ecm =
        "807034703264213C0C428BCA8998ACB7C7317E29722C26CC6DD988A465586459C9EE9198B93BB69F7EA536AFAC28A81A4B22F034C6092B"
    static let cardKey = "98FA4C8CF74769DE8374C7AEC8CF7476"
    static let emm =
        "82703B0000007D2B75057032641024CA5771A48814B9FEADD592DDA388443ACFBE1A700464038AA54BE26C42F710028399A724856341F59BAC8A57D4B573"

    func tvcas(_ arguments: String...) throws -> SubprocessResult {
        try Subprocess.run(RepositoryPaths.tvcasExecutable.path, arguments)
    }

    @Test("ecm decode prints the fields as one JSON object")
    func ecmDecode() throws {
        let result = try tvcas("ecm", "decode", "--ecm-key", Self.ecmKey, Self.ecm)
        #expect(result.status == 0)
        #expect(
            result.output
                == """
                {"table_id":"80","time":1550755015,"cw_odd":"1111111111111111","cw_even":"0000000000000000",\
                "access_criteria":"00000001","filler":"B35747C0FB5E5C01BD80592D28695CDB24BCEDEF2A3AA9","checksum_ok":true}

                """)
    }

    @Test("ecm decode of a tampered ECM reports the checksum and exits 1")
    func ecmDecodeTampered() throws {
        var bytes = Array(Self.ecm)
        bytes[40] = bytes[40] == "0" ? "1" : "0"
        let result = try tvcas("ecm", "decode", "--ecm-key", Self.ecmKey, String(bytes))
        #expect(result.status == 1)
        #expect(result.output.contains("\"checksum_ok\":false"))
    }

    @Test("ecm encode without --filler draws random filler that decodes")
    func ecmEncodeRandom() throws {
        let arguments = [
            "ecm", "encode", "--ecm-key", Self.ecmKey, "--cp-number=7", "--cw", "0123456789ABCDEF", "--cw", "FEDCBA9876543210",
            "--access-criteria", "0000ffff", "--time=1700000000",
        ]
        let first = try Subprocess.run(RepositoryPaths.tvcasExecutable.path, arguments)
        let second = try Subprocess.run(RepositoryPaths.tvcasExecutable.path, arguments)
        #expect(first.status == 0 && second.status == 0)
        let datagram = first.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(datagram.count == 110)
        #expect(datagram.hasPrefix("81703470326421"))
        #expect(datagram != second.output.trimmingCharacters(in: .whitespacesAndNewlines))
        let decoded = try tvcas("ecm", "decode", "--ecm-key", Self.ecmKey, datagram)
        #expect(decoded.status == 0)
        #expect(decoded.output.contains("\"cw_odd\":\"0123456789ABCDEF\",\"cw_even\":\"FEDCBA9876543210\""))
    }

    @Test("emm decode prints the fields, finish minus one")
    func emmDecode() throws {
        let result = try tvcas("emm", "decode", "--card-key", Self.cardKey, Self.emm)
        #expect(result.status == 0)
        #expect(
            result.output
                == """
                {"serial_no":2100000005,"access_criteria":"FFFFFFFF","start":1596643920,"finish":1601917980,\
                "conax_start":"6508","conax_finish":"650A","pair":0,"type":0,"checksum1_ok":true,"checksum2_ok":true}

                """)
    }

    @Test("emm decode with the wrong key fails the checksums and exits 1")
    func emmDecodeWrongKey() throws {
        let result = try tvcas("emm", "decode", "--card-key", "00000000000000000000000000000000", Self.emm)
        #expect(result.status == 1)
        #expect(result.output.contains("\"checksum2_ok\":false"))
    }

    @Test("negative values work with = and with a space")
    func negativeValues() throws {
        for arguments in [["--pair=-1", "--zone=-0300"], ["--pair", "-1", "--zone", "-0300"]] {
            let result = try Subprocess.run(
                RepositoryPaths.tvcasExecutable.path,
                [
                    "emm", "encode", "--card-key", Self.cardKey, "--serial", "1", "--access-criteria", "00000001", "--start", "0",
                    "--finish", "4294967295", "--type", "1",
                ] + arguments)
            #expect(result.status == 0, "\(result.errorOutput)")
            #expect(result.output.hasPrefix("82703B00000000000001"))
        }
        #expect(try tvcas("conax-date", "--zone=-0300", "--time=1596576600").output == "6408\n")
        #expect(try tvcas("conax-date", "--zone=+0300", "--time=1596576600").output == "6508\n")
    }

    @Test(
        "bad input names the argument and exits non-zero",
        arguments: [
            (
                ["ecm", "encode", "--ecm-key", "7E33", "--cp-number", "1", "--cw", "00", "--cw", "11", "--access-criteria", "1", "--time", "1"],
                "--ecm-key"
            ),
            (
                [
                    "ecm", "encode", "--ecm-key", ecmKey, "--cp-number", "1", "--cw", "0000000000000000", "--access-criteria", "00000001", "--time",
                    "1",
                ], "--cw"
            ),
            (
                [
                    "ecm", "encode", "--ecm-key", ecmKey, "--cp-number", "70000", "--cw", "0000000000000000", "--cw", "0000000000000000",
                    "--access-criteria", "00000001", "--time", "1",
                ], "--cp-number"
            ),
            (
                [
                    "ecm", "encode", "--ecm-key", ecmKey, "--cp-number", "1", "--cw", "0000000000000000", "--cw", "0000000000000000",
                    "--access-criteria", "00000001", "--time", "1", "--filler", "00",
                ], "--filler"
            ),
            (
                [
                    "emm", "encode", "--card-key", cardKey, "--serial", "-1", "--access-criteria", "00000001", "--start", "0", "--finish", "1",
                    "--pair", "0", "--type", "0", "--zone", "UTC",
                ], "--serial"
            ),
            (
                [
                    "emm", "encode", "--card-key", cardKey, "--serial", "1", "--access-criteria", "0000001", "--start", "0", "--finish", "1",
                    "--pair", "0", "--type", "0", "--zone", "UTC",
                ], "--access-criteria"
            ),
            (
                [
                    "emm", "encode", "--card-key", cardKey, "--serial", "1", "--access-criteria", "00000001", "--start", "0", "--finish", "1",
                    "--pair", "0", "--type", "0", "--zone", "Nowhere/City",
                ], "--zone"
            ),
            (["emm", "decode", "--card-key", "XYZ", emm], "--card-key"),
            (["emm", "decode", "--card-key", cardKey, "82703B"], "<datagram>"),
            (["conax-date", "--zone", "UTC", "--time", "0"], "--time"),
            (["conax-date", "--zone", "UTC", "--time", "3786912000"], "--time"),
            (["card", "bin", "--out", "/tmp", "--serial", "1"], "--card-key"),
            (["card", "bin", "--out", "/tmp", "--config", "/etc/tvcas/tvcas.toml", "--serial", "2100000001"], "--config"),
        ] as [([String], String)])
    func badInput(arguments: [String], named: String) throws {
        let result = try Subprocess.run(RepositoryPaths.tvcasExecutable.path, arguments)
        #expect(result.status != 0)
        #expect(result.errorOutput.contains(named), "\(result.errorOutput)")
        #expect(result.output.isEmpty)
    }

    @Test("card bin writes the file and prints its bare name")
    func cardBin() throws {
        let folder = try ScratchDirectory(prefix: "tvcas-card-bin")
        defer { folder.remove() }
        let result = try tvcas(
            "card", "bin", "--out", folder.path("cards"), "--serial=2100000005", "--card-key", Self.cardKey, "--access-criteria", "0000ffff",
            "--start=1596643920", "--finish=1601917980", "--pair=-1", "--type=1", "--ident", "0B00", "--trademark", "TVCAS.COM",
            "--ecm-key", Self.ecmKey, "--zone", "Europe/Moscow")
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.output == "210-000-000-5.bin\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("cards/210-000-000-5.bin")))
        #expect(bytes.count == 90)
        #expect(bytes[39] == 1)
        #expect(bytes[40] == 1)
    }
}
