#!/usr/bin/env bash
# TVCAS on a 3-node MariaDB Galera cluster on this machine (scripts/galera-cluster.sh):
#   lookup   GET /api.php?…&serial_no=<random card>            (wrk through nginx, 3 × tvcas web)
#   update   GET /api.php?…&serial_no=<random card>&set[…]=…   (update + log row + change-queue row)
#   change → MUX: a card changed through the API until its EMM reaches a MUX fed by `tvcas emmg`,
#            measured with one node killed -9 (right at the kill, and with the node down after eviction)
# Each web process and the EMMG get mysql_server = the three nodes (each process shuffles them).
#
# usage: Benchmarks/ha-bench.sh [TVCAS_BINARY] [SECONDS]
#   TVCAS_BINARY  default .build/release/tvcas (swift build -c release --product tvcas)
#   SECONDS       per wrk run, default 10
# Environment: CARDS (generated cards, default 1000000), BUFFER_POOL (per node, 512M),
#   WORKERS (per web process, 4), CONNECTIONS (wrk, 16), CHANGES (timed changes, 5).
# Everything runs under a scratch folder in /tmp, removed at the end.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tvcas=${1:-$top/.build/release/tvcas}
seconds=${2:-10}
cards=${CARDS:-1000000}
pool=${BUFFER_POOL:-512M}
workers=${WORKERS:-4}
connections=${CONNECTIONS:-16}
changes=${CHANGES:-5}
for tool in wrk nginx mariadbd mariadb python3 rsync; do
    command -v "$tool" >/dev/null || { echo "ha-bench: $tool is missing" >&2; exit 1; }
done
[ -x "$tvcas" ] || { echo "ha-bench: no tvcas binary at $tvcas (swift build -c release --product tvcas)" >&2; exit 1; }

dir=$(mktemp -d /tmp/tvcas-habench.XXXXXX)
chmod 755 "$dir"
cluster="$dir/cluster"
port=$((20000 + RANDOM % 20000))
mux_port=$((port + 1))
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "$top/scripts/galera-cluster.sh" down "$cluster" >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT
now() { date +%s.%N; }
sql() { mariadb --no-defaults -uroot -S "$cluster/n1/mysqld.sock" -B -N tvcas "$@"; }

# The cluster, the fixture (its MyISAM tables as InnoDB, as after the single-server migration), the schema.
t0=$(now)
hosts=$("$top/scripts/galera-cluster.sh" up "$cluster" "$pool" | tail -1)
printf 'cluster: 3 nodes up in %.1f s (%s, buffer pool %s each)\n' "$(echo "$(now) - $t0" | bc)" "$hosts" "$pool"
mariadb --no-defaults -uroot -S "$cluster/n1/mysqld.sock" -e "CREATE DATABASE tvcas CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
sed 's/ENGINE=MyISAM/ENGINE=InnoDB/' "$top/../shared/fixtures/tvcas.sql" | sql
for i in 0 1 2; do
    mkdir -p "$dir/web$i"
    cat >"$dir/web$i/tvcas.toml" <<TOML
ecm_key = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
pass_admin = "bench-admin-password"
pass_oper = "bench-oper-password"
api_key = "trololoapi"
ident = "0B00"
mysql_server = "$hosts"
mysql_user = "tvcas"
mysql_pass = "tvcas-ha"
mysql_base = "tvcas"
sql_dir = "$top/sql"
state_dir = "$dir/web$i/state"
log_level = "error"
[web]
secret = "benchmark-secret-0123456789"
listen = "unix:$dir/web$i/web.sock"
workers = $workers
[emmg]
change_poll_ms = 200
TOML
done
"$tvcas" migrate --config "$dir/web0/tvcas.toml" >/dev/null

# Generated cards, in batches (one writeset each), valid now so the EMMG cycles them.
t0=$(now)
batch=50000
for ((first = 0; first < cards; first += batch)); do
    last=$((first + batch - 1)); [ $last -ge $cards ] && last=$((cards - 1))
    sql -e "INSERT INTO tvcas_smartcards (serial_no, name, info, \`key\`, access_criteria, pair, start, finish, c_time, edit)
        SELECT 2110000000 + seq, CONCAT('Bench card ', seq), 'Benchmark st. 1', CONCAT(HEX(2110000000 + seq), '00112233445566778899AABB'),
        'FFFFFFFF', 0, 1600000000, 2000000000, 1600000000, 1600000000 FROM seq_${first}_to_${last}"
    if (((last + 1) % 1000000 == 0)); then printf '  %d cards after %.0f s\n' $((last + 1)) "$(echo "$(now) - $t0" | bc)"; fi
done
load=$(echo "$(now) - $t0" | bc)
printf 'cards: %d generated in %.1f s (%.0f cards/s replicated to 3 nodes)\n' "$cards" "$load" "$(echo "$cards / $load" | bc -l)"

# Three web processes behind one nginx upstream.
for i in 0 1 2; do
    "$tvcas" web --config "$dir/web$i/tvcas.toml" >"$dir/web$i/web.log" 2>&1 &
    pids+=($!)
done
for i in 0 1 2; do for _ in $(seq 1 200); do [ -S "$dir/web$i/web.sock" ] && break; sleep 0.05; done; done
mkdir -p "$dir/public"
bash "$top/scripts/nginx-config.sh" "$dir/nginx" "127.0.0.1:$port" "tvcas_web" "$dir/public" "$dir/nginx/error.log" off
upstream="upstream tvcas_web { server unix:$dir/web0/web.sock; server unix:$dir/web1/web.sock; server unix:$dir/web2/web.sock; }"
sed -i "s|    include $dir/nginx/site.conf;|    $upstream\n    include $dir/nginx/site.conf;|" "$dir/nginx/nginx.conf"
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" &
pids+=($!)
sleep 0.5

cat >"$dir/lookup.lua" <<LUA
math.randomseed(os.time())
request = function()
    return wrk.format("GET", "/api.php?api_key=trololoapi&serial_no=" .. (2110000000 + math.random(0, $cards - 1)))
end
LUA
cat >"$dir/update.lua" <<LUA
math.randomseed(os.time() + 1)
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", "/api.php?api_key=trololoapi&serial_no=" .. (2110000000 + math.random(0, $cards - 1))
        .. "&set[finish]=" .. (1900000000 + n) .. "&set[name]=Billing+" .. n)
end
LUA
run_wrk() {
    local name=$1 out rps p50 p99 errors
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$dir/$name.lua" "http://127.0.0.1:$port/")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
    printf '%-8s %12s %10s %10s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
}
echo "API on the cluster: 3 × tvcas web ($workers workers) behind nginx; wrk -t2 -c$connections -d${seconds}s; $cards cards"
printf '%-8s %12s %10s %10s\n' scenario "requests/s" p50 p99
wrk -t2 -c"$connections" -d2s -s "$dir/lookup.lua" "http://127.0.0.1:$port/" >/dev/null
run_wrk lookup
run_wrk update

# A MUX that logs "<unix time> <serial>" for every EMM it receives, and the EMMG feeding it.
cat >"$dir/mux.py" <<'PY'
import socket, struct, sys, threading, time
port, log_path = int(sys.argv[1]), sys.argv[2]
out = open(log_path, "a", buffering=1)
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
def sections(datagram):
    if len(datagram) % 188 == 0 and datagram[:1] == b"\x47":
        for i in range(0, len(datagram), 188): yield datagram[i + 5:i + 67]
        return
    i = 0
    while i + 3 <= len(datagram):
        length = ((datagram[i + 1] & 0x0F) << 8 | datagram[i + 2]) + 3
        yield datagram[i:i + length]; i += length
def serve(conn):
    client = 0x0B000001
    try:
        while True:
            version, mtype, length = struct.unpack(">BHH", read_exact(conn, 5)); body = read_exact(conn, length)
            if mtype == 0x0011: conn.sendall(msg(version, 0x0013, ids(client) + [tlv(2, b"\x00")]))
            elif mtype == 0x0111: conn.sendall(msg(version, 0x0113, ids(client) + [tlv(4, b"\x00\x01"), tlv(8, b"\x00\x01"), tlv(7, b"\x00")]))
            elif mtype == 0x0117: conn.sendall(msg(version, 0x0118, ids(client) + [tlv(4, b"\x00\x01"), tlv(6, b"\x03\xe8")]))
            elif mtype == 0x0211:
                at, i = time.time(), 0
                while i + 4 <= len(body):
                    tag, size = struct.unpack(">HH", body[i:i + 4]); value = body[i + 4:i + 4 + size]; i += 4 + size
                    if tag == 5:
                        for s in sections(value):
                            if len(s) >= 10 and s[0] == 0x82: out.write("%.3f %d\n" % (at, struct.unpack(">I", s[6:10])[0]))
    except (EOFError, OSError): pass
    conn.close()
server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port)); server.listen(4)
print("ready", flush=True)
while True:
    conn, _ = server.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
PY
: >"$dir/mux.log"
python3 "$dir/mux.py" "$mux_port" "$dir/mux.log" >"$dir/mux.out" 2>&1 &
pids+=($!)
sleep 0.5
emmg_id=$(sql -e "INSERT INTO tvcas_emmg (host, port, bandwidth, repetition, timeout, status, enable)
    VALUES ('127.0.0.1', $mux_port, 1000, 60, 10, 1, 1); SELECT LAST_INSERT_ID()")
"$tvcas" emmg --id "$emmg_id" --config "$dir/web0/tvcas.toml" >"$dir/emmg.log" 2>&1 &
pids+=($!)
t0=$(now)
for _ in $(seq 1 6000); do [ -s "$dir/mux.log" ] && break; sleep 0.1; done
[ -s "$dir/mux.log" ] || { echo "ha-bench: the EMMG sent nothing; its log:" >&2; tail -20 "$dir/emmg.log" >&2; exit 1; }

# One change: update a random card through nginx, wait for its EMM at the MUX; prints seconds.
change_to_mux() {
    local serial=$((2110000000 + (RANDOM * 32768 + RANDOM) % cards)) finish=$((1950000000 + RANDOM)) start
    start=$(now)
    curl -g -s -o /dev/null "http://127.0.0.1:$port/api.php?api_key=trololoapi&serial_no=$serial&set[finish]=$finish"
    for _ in $(seq 1 600); do
        if awk -v s="$serial" -v t="$start" '$2 == s && $1 >= t {found = 1} END {exit !found}' "$dir/mux.log"; then
            awk -v s="$serial" -v t="$start" '$2 == s && $1 >= t {printf "%.2f\n", $1 - t; exit}' "$dir/mux.log"
            return
        fi
        sleep 0.05
    done
    echo "timeout"
}
printf 'EMMG: first EMM at the MUX %.1f s after start\n' "$(echo "$(now) - $t0" | bc)"
echo "card change → MUX (EMMG cycling $cards cards, bandwidth 1000 kbit/s):"
printf '  all nodes up:                      %s s\n' "$(change_to_mux)"
"$top/scripts/galera-cluster.sh" kill "$cluster" 2
printf '  right after kill -9 of n2 (stall):  %s s\n' "$(change_to_mux)"
sleep 8
results=()
for _ in $(seq 1 "$changes"); do results+=("$(change_to_mux)"); done
printf '  n2 down (evicted), %d changes:      %s s\n' "$changes" "${results[*]}"
t0=$(now)
"$top/scripts/galera-cluster.sh" rejoin "$cluster" 2
printf 'n2 rejoined (IST) in %.1f s; after rejoin: %s s\n' "$(echo "$(now) - $t0" | bc)" "$(change_to_mux)"
logs=$(sql -e "SELECT COUNT(*) FROM tvcas_logs WHERE user = 'API'")
queued=$(sql -e "SELECT COUNT(*) FROM tvcas_card_changes")
echo "check: $logs API log rows, $queued change-queue rows"
