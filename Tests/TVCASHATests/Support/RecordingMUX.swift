import Foundation
import TVCASTesting

/// A MUX of our own in Python for the EMMG: answers channel_setup, stream_setup and
/// bandwidth_request, takes data_provisions and logs one line per message (`recv 0xTYPE`), so a
/// test can tell that the EMMG keeps cycling.
final class RecordingMUX: @unchecked Sendable {
    let port: Int
    let directory: ScratchDirectory
    let process: Process

    static let script = #"""
        import socket, struct, sys, threading
        port, log_path = int(sys.argv[1]), sys.argv[2]
        lock = threading.Lock()
        def log(line):
            with lock, open(log_path, "a") as f: f.write(line + "\n")
        def tlv(tag, value): return struct.pack(">HH", tag, len(value)) + value
        def msg(version, mtype, params): body = b"".join(params); return struct.pack(">BHH", version, mtype, len(body)) + body
        def ids(client): return [tlv(1, struct.pack(">I", client)), tlv(3, b"\x00\x01")]
        def read_exact(s, n):
            data = b""
            while len(data) < n:
                chunk = s.recv(n - len(data))
                if not chunk: raise EOFError
                data += chunk
            return data
        def emms(body):
            i = 0
            while i + 4 <= len(body):
                tag, size = struct.unpack(">HH", body[i:i + 4]); value = body[i + 4:i + 4 + size]; i += 4 + size
                if tag != 5: continue
                if len(value) % 188 == 0 and value[:1] == b"\x47":
                    sections = [value[j + 5:j + 67] for j in range(0, len(value), 188)]
                else:
                    sections, j = [], 0
                    while j + 3 <= len(value):
                        length = ((value[j + 1] & 0x0F) << 8 | value[j + 2]) + 3
                        sections.append(value[j:j + length]); j += length
                for s in sections:
                    if len(s) >= 10 and s[0] == 0x82: log("emm %d %s" % (struct.unpack(">I", s[6:10])[0], s.hex()))
        def serve(conn):
            client = 0x0B000001
            try:
                while True:
                    version, mtype, length = struct.unpack(">BHH", read_exact(conn, 5)); body = read_exact(conn, length)
                    log(f"recv 0x{mtype:04x}")
                    if mtype == 0x0211: emms(body)
                    if mtype == 0x0011: conn.sendall(msg(version, 0x0013, ids(client) + [tlv(2, b"\x00")]))
                    elif mtype == 0x0111: conn.sendall(msg(version, 0x0113, ids(client) + [tlv(4, b"\x00\x01"), tlv(8, b"\x00\x01"), tlv(7, b"\x00")]))
                    elif mtype == 0x0117: conn.sendall(msg(version, 0x0118, ids(client) + [tlv(4, b"\x00\x01"), tlv(6, b"\x00\x40")]))
            except (EOFError, OSError): pass
            conn.close()
        server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", port)); server.listen(4)
        print("ready", flush=True)
        while True:
            conn, _ = server.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()
        """#

    init() throws {
        port = freeLoopbackPort()
        directory = try ScratchDirectory(prefix: "tvcas-ha-mux")
        try Self.script.write(toFile: directory.path("mux.py"), atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: directory.path("mux.log"), contents: nil)
        _ = FileManager.default.createFile(atPath: directory.path("out.log"), contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [directory.path("mux.py"), String(port), directory.path("mux.log")]
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path("out.log")))
        process.standardOutput = out
        process.standardError = out
        try process.run()
        guard eventually(10, { loopbackPortAcceptsConnections(port) }) else { throw HarnessError.serverDidNotStart("recording mux", log: "") }
    }

    /// How many data_provisions have arrived.
    var dataProvisions: Int {
        let text = (try? String(contentsOfFile: directory.path("mux.log"), encoding: .utf8)) ?? ""
        return text.components(separatedBy: "recv 0x0211").count - 1
    }

    /// The EMM sections for card `serial` that have arrived, oldest first.
    func emms(for serial: UInt32) -> [[UInt8]] {
        let text = (try? String(contentsOfFile: directory.path("mux.log"), encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "emm", parts[1] == "\(serial)" else { return nil }
            var bytes: [UInt8] = []
            var index = parts[2].startIndex
            while index < parts[2].endIndex {
                let next = parts[2].index(index, offsetBy: 2)
                bytes.append(UInt8(parts[2][index..<next], radix: 16) ?? 0)
                index = next
            }
            return bytes
        }
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        directory.remove()
    }
}
