#!/usr/bin/env bash
# Benchmark of `tvcas web` through nginx with wrk (Debian's wrk), 16 connections:
#   trivial  the same responder answering "ok" without a database (the ceiling)
#   lookup   GET /api.php?api_key=…&serial_no=<random card of 10,000>
#   update   GET /api.php?…&serial_no=<random card>&set[finish]=…&set[name]=… (update + log row
#            + change-queue row in one transaction)
# Prints requests/s, p50, p99 and the web process's peak resident memory (VmHWM) per scenario.
#
# usage: Benchmarks/api-wrk.sh [TVCAS_BINARY] [SECONDS]
#   TVCAS_BINARY  default .build/release/tvcas (build it with `swift build -c release --product tvcas`)
#   SECONDS       per scenario, default 10
# Environment: PROFILE=<scenario> writes `perf report` of that run to .build/perf-<scenario>.txt;
#   SCENARIOS ("trivial lookup update"), WORKERS (8), THREADS (wrk threads, 2), CONNECTIONS (16),
#   FLUSH (innodb_flush_log_at_trx_commit, 1 = durable at every commit, the default).
# Everything runs under a scratch folder in /tmp, removed at the end.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tvcas=${1:-$top/.build/release/tvcas}
seconds=${2:-10}
workers=${WORKERS:-8}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
flush=${FLUSH:-1}
. "$top/Benchmarks/lib/scratch-stack.sh"
scratch_require api-wrk "wrk nginx mariadb-server" wrk nginx mariadbd mariadb mariadb-install-db
scratch_require_binary api-wrk "$tvcas"
scratch_init tvcas-bench

# MariaDB with the fixture, 10,000 extra cards, migrated.
scratch_mariadb_start "$dir/data" --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit="$flush"
scratch_load_fixture
scratch_write_config "$workers"
"$tvcas" migrate --config "$dir/tvcas.toml" >/dev/null
mariadb -uroot -S "$sock" tvcas -e "
    INSERT INTO tvcas_smartcards (serial_no, name, info, access_criteria, pair, start, finish)
    SELECT 2100010000 + seq, CONCAT('Bench card ', seq), 'Benchmark st. 1', 'FFFFFFFF', 0, 1600000000, 1700000000
    FROM seq_0_to_9999"

# nginx with the repository's site in front of the socket.
scratch_nginx_config
scratch_nginx_start

cat >"$dir/lookup.lua" <<'LUA'
math.randomseed(os.time())
request = function()
    return wrk.format("GET", "/api.php?api_key=trololoapi&serial_no=" .. (2100010000 + math.random(0, 9999)))
end
LUA
cat >"$dir/update.lua" <<'LUA'
math.randomseed(os.time() + 1)
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", "/api.php?api_key=trololoapi&serial_no=" .. (2100010000 + math.random(0, 9999))
        .. "&set[finish]=" .. (1700000000 + n) .. "&set[name]=Billing+" .. n)
end
LUA

# One scenario: a fresh `tvcas web`, a short warm-up, the measured run, the process's peak RSS.
scenario() {
    local name=$1 script=$2 extra=$3
    local web
    scratch_web_start "$dir/web-$name.log" $extra
    wrk -t"$threads" -c"$connections" -d2s -s "$script" "http://127.0.0.1:$port/" >/dev/null
    local out perf_pid=""
    if [ "${PROFILE:-}" = "$name" ] && command -v perf >/dev/null; then
        perf record -F 999 -g -p "$web" -o "$dir/perf.data" >/dev/null 2>&1 &
        perf_pid=$!
    fi
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/")
    if [ -n "$perf_pid" ]; then
        kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true
        perf report -i "$dir/perf.data" --no-children --sort comm,dso,sym --percent-limit 0.7 --stdio 2>/dev/null | grep -E '^ +[0-9]' >"$top/.build/perf-$name.txt" || true
    fi
    local rss
    rss=$(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$web/status")
    kill -TERM "$web"
    wait "$web" 2>/dev/null || true
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
    printf '%-8s %12s %10s %10s %12s  %s\n' "$name" "$rps" "$p50" "$p99" "$rss" "$errors"
}

cat >"$dir/trivial.lua" <<'LUA'
request = function() return wrk.format("GET", "/api.php") end
LUA
echo "tvcas web: $workers workers; wrk -t$threads -c$connections -d${seconds}s through nginx; innodb_flush_log_at_trx_commit=$flush"
printf '%-8s %12s %10s %10s %12s\n' scenario "requests/s" p50 p99 "peak RSS"
for name in ${SCENARIOS:-trivial lookup update}; do
    case $name in
    trivial) scenario trivial "$dir/trivial.lua" --benchmark-trivial ;;
    *) scenario "$name" "$dir/$name.lua" "" ;;
    esac
done
changes=$(scratch_sql "SELECT COUNT(*) FROM tvcas_card_changes")
logs=$(scratch_sql "SELECT COUNT(*) FROM tvcas_logs WHERE user = 'API'")
echo "update check: $logs API log rows, $changes change-queue rows (warm-up included)"
