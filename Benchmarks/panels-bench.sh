#!/usr/bin/env bash
# Server time of the panels' smartcard pages on 1,000,000 generated cards (issue 12's targets),
# through nginx: every request's $upstream_response_time is logged by nginx and the p50/p95/max per
# scenario are printed next to the target. Requests are sent one after another (curl), as the
# admin with HTTP Basic, so the numbers are the responder's and the database's time alone.
#
#   list           ?op=smartcards, the first page and pages after random serials
#   list-sorted    the list sorted by finish (descending) and by name, first pages and next pages
#   serial         a serial-prefix search (s=210-0NN, random)
#   word-rare      a word-prefix search that matches one card (s=Nalivay)
#   word-common    a word-prefix search matching ~3 % of the cards (s=John)
#   word-huge      a word-prefix search matching ~10 % of the cards (s=Иван), and its next pages
#   word-pair      two frequent words rarely together (s=John Horvat, ~0.2 %), and next pages
#   word-filtered  s=John with the active filter and a package
#   edit           ?op=card&serial_no=<random card>
#   contains       s=<text>&contains=1 (a scan): rare (nalivay) and common (ohn)
#
# usage: Benchmarks/panels-bench.sh [TVCAS_BINARY] [REQUESTS]
#   TVCAS_BINARY  default .build/release/tvcas (swift build -c release --product tvcas)
#   REQUESTS      per scenario, default 200 (contains: a fifth of it)
# Environment: CARDS (1000000), KEEP=DIR keeps (or reuses) the MariaDB data folder in DIR so a
#   second run skips generating the cards, SCENARIOS (all of the above), WORKERS (4).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tvcas=${1:-$top/.build/release/tvcas}
requests=${2:-200}
cards=${CARDS:-1000000}
workers=${WORKERS:-4}
. "$top/Benchmarks/lib/scratch-stack.sh"
scratch_require panels-bench "curl nginx mariadb-server" curl nginx mariadbd mariadb mariadb-install-db awk sort
scratch_require_binary panels-bench "$tvcas"
scratch_init tvcas-panels-bench
data=${KEEP:-$dir/data}

scratch_mariadb_start "$data" --innodb-buffer-pool-size=1G --innodb-flush-log-at-trx-commit=2
scratch_write_config "$workers"
if [ "$scratch_fresh" = 1 ]; then
    scratch_load_fixture
    "$tvcas" migrate --config "$dir/tvcas.toml" >/dev/null
    echo "panels-bench: generating $cards cards"
    "$tvcas" demo-data --config "$dir/tvcas.toml" --cards "$cards" --connections 2
    mariadb -uroot -S "$sock" tvcas -e "ANALYZE TABLE tvcas_smartcards" >/dev/null
else
    "$tvcas" migrate --config "$dir/tvcas.toml" >/dev/null
fi
total=$(scratch_sql "SELECT COUNT(*) FROM tvcas_smartcards")
low=$(scratch_sql "SELECT MIN(serial_no) FROM tvcas_smartcards")
high=$(scratch_sql "SELECT MAX(serial_no) FROM tvcas_smartcards")

scratch_web_start "$dir/web.log"
pids+=("$web")
scratch_nginx_config
# Log each request's upstream (responder) time.
sed -i "s|access_log off;|log_format bench '\$status \$upstream_response_time \$request_uri';\n    access_log $dir/access.log bench;|" \
    "$dir/nginx/nginx.conf"
scratch_nginx_start
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/static/x" && break; sleep 0.05; done

base="http://127.0.0.1:$port/cas/"
random_serial() { echo $((low + (RANDOM * 32768 + RANDOM) % (high - low + 1))); }

# One scenario: a curl config with one URL per line (sent in order), then p50/p95/max of the
# upstream times nginx logged for them.
measure() {
    local name=$1 target=$2 urls=$3
    local before after
    before=$(wc -l <"$dir/access.log" 2>/dev/null || echo 0)
    curl -s -u "admin:bench-admin-password" -K "$urls" >/dev/null
    after=$(wc -l <"$dir/access.log")
    tail -n $((after - before)) "$dir/access.log" >"$dir/$name.times"
    local bad
    bad=$(awk '$1 != 200' "$dir/$name.times" | wc -l)
    awk '{print $2 * 1000}' "$dir/$name.times" | sort -n | awk -v name="$name" -v target="$target" -v bad="$bad" '
        { t[NR] = $1 }
        END {
            p50 = t[int(NR * 0.50 + 0.999)]; p95 = t[int(NR * 0.95 + 0.999)]; max = t[NR]
            verdict = (p95 < target) ? "ok" : "SLOW"
            printf "%-14s %6d %9.1f %9.1f %9.1f   < %5d ms  %s%s\n", name, NR, p50, p95, max, target, verdict, (bad > 0 ? "  (" bad " not 200)" : "")
        }'
}

urls() { # name, then URLs on stdin (query strings after /cas/?)
    local file="$dir/$1.urls"
    : >"$file"
    while read -r query; do printf 'url = "%s?%s"\noutput = "/dev/null"\n' "$base" "$query" >>"$file"; done
    echo "$file"
}

# Warm up the buffer pool: the list and the FULLTEXT index.
for query in "op=smartcards" "op=smartcards&s=John" "op=smartcards&sort=name" "op=card&serial_no=$low"; do
    curl -s -o /dev/null -u "admin:bench-admin-password" "$base?$query"
done
mariadb -uroot -S "$sock" tvcas -e "SELECT COUNT(*) FROM tvcas_smartcards WHERE name LIKE '%x%'" >/dev/null

echo "panels-bench: $total cards, tvcas web with $workers workers; server time = nginx \$upstream_response_time (ms)"
printf '%-14s %6s %9s %9s %9s   %8s\n' scenario count p50 p95 max target
c=$((requests / 5))
for scenario in ${SCENARIOS:-list list-sorted serial word-rare word-common word-huge word-pair word-filtered edit contains}; do
    case $scenario in
    list)
        file=$(for i in $(seq 1 "$requests"); do
            if [ $((i % 4)) = 0 ]; then echo "op=smartcards"; else echo "op=smartcards&after=$(random_serial)"; fi
        done | urls list)
        measure list 50 "$file" ;;
    list-sorted)
        file=$(for i in $(seq 1 "$requests"); do
            case $((i % 4)) in
            0) echo "op=smartcards&sort=-finish" ;;
            1) echo "op=smartcards&sort=name" ;;
            2) echo "op=smartcards&sort=-edit&at=%3D$((1700000000 + RANDOM * 1000))&after=$(random_serial)" ;;
            3) echo "op=smartcards&sort=finish&at=%3D$((1750000000 + RANDOM * 1000))&after=$(random_serial)" ;;
            esac
        done | urls list-sorted)
        measure list-sorted 50 "$file" ;;
    serial)
        file=$(for _ in $(seq 1 "$requests"); do printf 'op=smartcards&s=210-%03d\n' $((RANDOM % 1000)); done | urls serial)
        measure serial 50 "$file" ;;
    word-rare)
        file=$(for _ in $(seq 1 "$requests"); do echo "op=smartcards&s=Nalivay"; done | urls word-rare)
        measure word-rare 50 "$file" ;;
    word-common)
        file=$(for i in $(seq 1 "$requests"); do
            if [ $((i % 2)) = 0 ]; then echo "op=smartcards&s=John"; else echo "op=smartcards&s=John&after=$(random_serial)"; fi
        done | urls word-common)
        measure word-common 50 "$file" ;;
    word-huge)
        file=$(for i in $(seq 1 "$requests"); do
            if [ $((i % 2)) = 0 ]; then echo "op=smartcards&s=%D0%98%D0%B2%D0%B0%D0%BD"; else echo "op=smartcards&s=%D0%98%D0%B2%D0%B0%D0%BD&after=$(random_serial)"; fi
        done | urls word-huge)
        measure word-huge 50 "$file" ;;
    word-pair)
        file=$(for i in $(seq 1 "$requests"); do
            if [ $((i % 2)) = 0 ]; then echo "op=smartcards&s=John+Horvat"; else echo "op=smartcards&s=John+Horvat&after=$(random_serial)"; fi
        done | urls word-pair)
        measure word-pair 50 "$file" ;;
    word-filtered)
        file=$(for _ in $(seq 1 "$requests"); do echo "op=smartcards&s=John&state=active&pkg=$((RANDOM % 4))"; done | urls word-filtered)
        measure word-filtered 50 "$file" ;;
    edit)
        file=$(for _ in $(seq 1 "$requests"); do echo "op=card&serial_no=$(random_serial)"; done | urls edit)
        measure edit 50 "$file" ;;
    contains)
        file=$(for i in $(seq 1 "$c"); do
            if [ $((i % 2)) = 0 ]; then echo "op=smartcards&s=nalivay&contains=1"; else echo "op=smartcards&s=ohn&contains=1"; fi
        done | urls contains)
        measure contains 1000 "$file" ;;
    *) echo "panels-bench: unknown scenario $scenario" >&2; exit 1 ;;
    esac
done
