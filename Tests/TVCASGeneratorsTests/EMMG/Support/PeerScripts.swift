/// Small Python peers for the EMMG's TCP tests (the SimulCrypt side is the PyPI `mux` simulator
/// or the fake MUX below; the proxy only records what the EMMG sends).
enum PeerScripts {
    /// `proxy.py LISTEN_PORT TARGET_PORT LOG`: forwards one connection after another to
    /// 127.0.0.1:TARGET_PORT and appends every byte the client sends, as hex lines
    /// `<connection number> <hex>`, to LOG.
    static let proxy = #"""
        import socket, sys, threading
        listen_port, target_port, log_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
        lock = threading.Lock()
        server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", listen_port)); server.listen(8)
        print("ready", flush=True)
        number = 0
        def pump(source, sink, record, n):
            try:
                while True:
                    data = source.recv(65536)
                    if not data: break
                    if record:
                        with lock, open(log_path, "a") as log: log.write(f"{n} {data.hex()}\n")
                    sink.sendall(data)
            except OSError: pass
            for s in (source, sink):
                try: s.shutdown(socket.SHUT_RDWR)
                except OSError: pass
        while True:
            client, _ = server.accept(); number += 1
            try: upstream = socket.create_connection(("127.0.0.1", target_port))
            except OSError: client.close(); continue
            threading.Thread(target=pump, args=(client, upstream, True, number), daemon=True).start()
            threading.Thread(target=pump, args=(upstream, client, False, number), daemon=True).start()
        """#

    /// `fakemux.py PORT LOG`: a MUX of our own. It answers the setup messages; on the first
    /// connection, after 3 data_provisions, it sends stream_close_request and logs what comes
    /// back; on the second it sends channel_close after 3; later connections just take EMMs.
    /// Log lines: `conn N recv 0xTYPE` and `conn N sent 0xTYPE`.
    static let fakeMUX = #"""
        import socket, struct, sys
        port, log_path = int(sys.argv[1]), sys.argv[2]
        def log(line):
            with open(log_path, "a") as f: f.write(line + "\n")
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
        server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", port)); server.listen(4)
        print("ready", flush=True)
        n = 0
        while True:
            conn, _ = server.accept(); n += 1; provisions = 0
            try:
                while True:
                    version, mtype, length = struct.unpack(">BHH", read_exact(conn, 5)); read_exact(conn, length)
                    log(f"conn {n} recv 0x{mtype:04x}")
                    client = 0x0B000001
                    replies = []
                    if mtype == 0x0011: replies.append(msg(version, 0x0013, ids(client) + [tlv(2, b"\x00")]))
                    elif mtype == 0x0111: replies.append(msg(version, 0x0113, ids(client) + [tlv(4, b"\x00\x01"), tlv(8, b"\x00\x01"), tlv(7, b"\x00")]))
                    elif mtype == 0x0117: replies.append(msg(version, 0x0118, ids(client) + [tlv(4, b"\x00\x01"), tlv(6, b"\x00\x40")]))
                    elif mtype == 0x0211:
                        provisions += 1
                        if provisions == 3 and n == 1: replies.append(msg(version, 0x0114, ids(client) + [tlv(4, b"\x00\x01")]))
                        if provisions == 3 and n == 2: replies.append(msg(version, 0x0014, ids(client)))
                    elif mtype == 0x0014: break
                    for r in replies:
                        conn.sendall(r); log(f"conn {n} sent 0x{struct.unpack('>H', r[1:3])[0]:04x}")
            except (EOFError, OSError): pass
            log(f"conn {n} closed")
            conn.close()
        """#
}
