import Foundation
import NIOCore
import SimulCrypt
import TVCASTesting

/// PyPI `simulcrypt`'s `scs` simulator, run with its socket tapped so the test sees the bytes it
/// sent and received (it logs neither CWs nor ECMs itself).
struct TappedSCS {
    static let wrapper = """
        import sys, socket as so
        import simulcrypt.SCS as S
        log = open(sys.argv[1], 'w', buffering=1)
        class Tap(so.socket):
            def sendall(self, data, *a):
                log.write('> ' + data.hex() + '\\n')
                return super().sendall(data, *a)
            def recv(self, n, *a):
                d = super().recv(n, *a)
                log.write('< ' + d.hex() + '\\n')
                return d
        S.socket = Tap
        from simulcrypt.scs_simulator import scs_simulator_cli
        sys.argv = ['scs'] + sys.argv[2:]
        scs_simulator_cli()
        """

    /// Runs `scs` against `port` for `seconds` and returns what it sent and what it got.
    static func run(
        port: Int, accessCriteria: [String], seconds: Int, superCASID: String = "0x0B00"
    ) throws -> (
        sent: [SimulCryptPDU<ECMGMessage>], received: [SimulCryptPDU<ECMGMessage>], output: String
    ) {
        let scratch = try ScratchDirectory(prefix: "tvcas-scs")
        defer { scratch.remove() }
        let script = scratch.path("tap.py")
        try wrapper.write(toFile: script, atomically: true, encoding: .utf8)
        let log = scratch.path("tap.log")
        var arguments = ["-s", "KILL", String(seconds), "python3", script, log, superCASID, "-s", "127.0.0.1", "-p", String(port)]
        for ac in accessCriteria { arguments += ["-a", ac] }
        let result = try Subprocess.run("timeout", arguments)
        let lines = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        var sent = ByteBuffer()
        var received = ByteBuffer()
        for line in lines.split(separator: "\n") {
            let hex = String(line.dropFirst(2))
            if line.hasPrefix(">") { sent.writeImmutableBuffer(ByteBuffer(hexText: hex)) }
            if line.hasPrefix("<") { received.writeImmutableBuffer(ByteBuffer(hexText: hex)) }
        }
        return (try decodeAll(&sent), try decodeAll(&received), result.output)
    }

    static func decodeAll(_ buffer: inout ByteBuffer) throws -> [SimulCryptPDU<ECMGMessage>] {
        var messages: [SimulCryptPDU<ECMGMessage>] = []
        let decoder = SimulCryptFrameDecoder<ECMGMessage>()
        while let result = try decoder.decodeFrame(from: &buffer) { messages.append(try result.get()) }
        return messages
    }
}
