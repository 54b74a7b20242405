#!/usr/bin/env python3
"""One SCS stream against `tvcas ecmg`, measured the way the original PHP ECMG was measured
(issue 9: "a Python load script", p50 0.55 ms / p99 0.84 ms for one stream): a blocking client
sends one CW_provision, waits for its ECM_response, sleeps, and repeats. Prints p50/p99/p999 of
the round trip next to the original's figures and the target, and the daemon's peak RSS.

The daemon runs from a saved copy of its row with no database (the ECMG's outage path), as
ECMGLoad runs it. A second measurement against a trivial Python responder that answers every
message with a fixed reply shows the floor of this machine's loopback and wake-up latency.

Rounds of the two alternate, and the median round is printed with every round: this machine's
wake-up latency drifts by more than the ECMG's own work, so one run alone says little.

usage: Benchmarks/ecmg-one-stream.py [--tvcas PATH] [--count N] [--interval SECONDS] [--rounds R]
"""
import argparse
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time

KEY = "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"


def parameter(kind, value):
    return struct.pack(">HH", kind, len(value)) + value


def message(kind, body):
    return struct.pack(">BHH", 3, kind, len(body)) + body


class Peer:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def receive(self):
        while True:
            if len(self.buffer) >= 5:
                length = struct.unpack(">H", self.buffer[3:5])[0]
                if len(self.buffer) >= 5 + length:
                    reply, self.buffer = self.buffer[: 5 + length], self.buffer[5 + length :]
                    return struct.unpack(">H", reply[1:3])[0], reply
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the ECMG closed the connection")
            self.buffer += chunk


def measure(port, count, interval):
    peer = Peer(port)
    channel = parameter(0x0E, b"\0\0")
    peer.sock.sendall(message(0x0001, channel + parameter(0x01, struct.pack(">I", 0x0B000000))))
    assert peer.receive()[0] == 0x0003, "no channel_status"
    stream = parameter(0x0F, b"\0\1")
    peer.sock.sendall(message(0x0101, channel + stream + parameter(0x19, b"\0\1") + parameter(0x10, struct.pack(">H", 100))))
    assert peer.receive()[0] == 0x0103, "no stream_status"
    latencies = []
    for cp in range(1, count + 1):
        body = (
            channel
            + stream
            + parameter(0x12, struct.pack(">H", cp & 0xFFFF))
            + parameter(0x14, struct.pack(">H", cp & 0xFFFF) + os.urandom(8))
            + parameter(0x14, struct.pack(">H", (cp + 1) & 0xFFFF) + os.urandom(8))
            + parameter(0x0D, b"\0\0\0\x10")
        )
        request = message(0x0201, body)
        start = time.perf_counter_ns()
        peer.sock.sendall(request)
        kind, _ = peer.receive()
        latencies.append(time.perf_counter_ns() - start)
        if kind != 0x0202:
            raise RuntimeError(f"CP {cp}: message type {kind:#06x} instead of ECM_response")
        time.sleep(interval)
    peer.sock.close()
    latencies.sort()
    return [latencies[min(len(latencies) - 1, int(len(latencies) * p))] / 1e6 for p in (0.5, 0.99, 0.999)]


def trivial_responder():
    """A Python responder in a process of its own, answering each message with a fixed reply of
    the right type; returns its port and pid."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    pid = os.fork()
    if pid:
        server.close()
        return port, pid

    def serve(connection):
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = b""
        replies = {0x0001: 0x0003, 0x0101: 0x0103, 0x0201: 0x0202}
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                return
            buffer += chunk
            while len(buffer) >= 5:
                length = struct.unpack(">H", buffer[3:5])[0]
                if len(buffer) < 5 + length:
                    break
                kind = struct.unpack(">H", buffer[1:3])[0]
                buffer = buffer[5 + length :]
                connection.sendall(message(replies.get(kind, 0x7000), b""))

    while True:  # one connection at a time, until killed
        connection, _ = server.accept()
        serve(connection)
        connection.close()


def spawn_ecmg(tvcas, directory):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    os.makedirs(f"{directory}/state")
    with open(f"{directory}/tvcas.toml", "w") as config:
        config.write(
            f'ecm_key = "{KEY}"\npass_admin = "bench-admin"\npass_oper = "bench-oper"\napi_key = "bench-api-key"\n'
            f'mysql_socket = "{directory}/no-such-mysql.sock"\nstate_dir = "{directory}/state"\nlog_level = "error"\n'
            '[web]\nsecret = "0123456789abcdefghijklmnopqrstuv"\n'
        )
    with open(f"{directory}/state/ecmg_1.json", "w") as row:
        row.write(
            f'{{"id": 1, "version": 1, "host": 2130706433, "port": {port}, "packet_mode": 0, "timeout": 60,'
            ' "delay_start": 5000, "delay_stop": 5000, "transition_delay_start": 5000, "transition_delay_stop": 5000,'
            ' "ac_delay_start": 0, "ac_delay_stop": 0, "repetition_period": 200, "min_cp_duration": 100,'
            f' "max_compute_time": 8000, "key": "{KEY}"}}'
        )
    process = subprocess.Popen(
        [tvcas, "ecmg", "--id", "1", "--config", f"{directory}/tvcas.toml"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit("ecmg-one-stream: tvcas ecmg did not start listening")


def peak_rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def median(rows):
    return [sorted(column)[len(column) // 2] for column in zip(*rows)]


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("--tvcas", default=f"{top}/.build/release/tvcas")
    arguments.add_argument("--count", type=int, default=3000)
    arguments.add_argument("--interval", type=float, default=0.01, help="seconds between CW_provisions (default 0.01)")
    arguments.add_argument("--rounds", type=int, default=5, help="rounds, each measuring the ECMG then the floor (default 5)")
    options = arguments.parse_args()

    ecmg, floor = [], []
    floor_port, floor_pid = trivial_responder()
    with tempfile.TemporaryDirectory(prefix="ecmg-one-stream-") as directory:
        process, port = spawn_ecmg(options.tvcas, directory)
        try:
            measure(port, 200, options.interval)  # warm-up
            measure(floor_port, 200, options.interval)
            # Interleaved, so that both see the same machine: one quiet moment or one busy one
            # shows in the floor as much as in the ECMG.
            for _ in range(options.rounds):
                ecmg.append(measure(port, options.count, options.interval))
                floor.append(measure(floor_port, options.count, options.interval))
            rss = peak_rss_kb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=5)
            os.kill(floor_pid, 15)
            os.waitpid(floor_pid, 0)

    print(
        f"ecmg-one-stream: 1 connection × 1 stream, {options.rounds} rounds of {options.count} CW_provisions, "
        f"one every {options.interval * 1000:g} ms"
    )
    print(f"  {'':34} {'p50':>9} {'p99':>9} {'p999':>9}")
    for number, (mine, theirs) in enumerate(zip(ecmg, floor), start=1):
        print(f"  {f'round {number}: tvcas ecmg':34} {mine[0]:6.3f} ms {mine[1]:6.3f} ms {mine[2]:6.3f} ms")
        print(f"  {f'round {number}: trivial responder':34} {theirs[0]:6.3f} ms {theirs[1]:6.3f} ms {theirs[2]:6.3f} ms")
    mine, theirs = median(ecmg), median(floor)
    print(f"  {'median: tvcas ecmg':34} {mine[0]:6.3f} ms {mine[1]:6.3f} ms {mine[2]:6.3f} ms")
    print(f"  {'median: trivial Python responder':34} {theirs[0]:6.3f} ms {theirs[1]:6.3f} ms {theirs[2]:6.3f} ms")
    print(f"  {'original PHP ECMG (issue 9)':34} {0.55:6.3f} ms {0.84:6.3f} ms")
    print(f"  {'target':34} {'':9} {'< 0.3 ms':>9}")
    print(f"  tvcas ecmg peak resident memory: {rss // 1024} MB ({rss} kB); target < 48 MB")


if __name__ == "__main__":
    main()
