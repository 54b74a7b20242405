#!/usr/bin/env bash
# Benchmark of the panels' CSV export and import through nginx and `tvcas web`, on a scratch
# MariaDB holding the fixture plus 1,000,000 demo cards (`tvcas demo-data`):
#   export   GET /cas/?op=smartcards&csv=export (admin set, every card) and the operator's
#   import   POST /cas/?op=smartcards&csv=import with 100,000 lines: 50,000 updates of existing
#            cards and 50,000 new ones, applied in one transaction
# Prints each time next to the issue's target, the files' sizes, and the web process's peak
# resident memory (VmHWM) after start, after the exports and after the import.
#
# usage: Benchmarks/csv-bench.sh [TVCAS_BINARY] [CARDS]
#   TVCAS_BINARY  default .build/release/tvcas (build it with `swift build -c release --product tvcas`)
#   CARDS         demo cards to load, default 1000000
# Environment: PROFILE=1 writes `perf report` of the import (mariadbd and tvcas web) to
#   .build/perf-csv-import.txt; KEEP_WEB_LOG=FILE copies tvcas web's log there at the end.
# Everything runs under a scratch folder in /tmp, removed at the end.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tvcas=${1:-$top/.build/release/tvcas}
cards=${2:-1000000}
. "$top/Benchmarks/lib/scratch-stack.sh"
scratch_require csv-bench "curl nginx mariadb-server" curl nginx mariadbd mariadb mariadb-install-db
scratch_require_binary csv-bench "$tvcas"
scratch_init tvcas-csv-bench
[ -n "${KEEP_WEB_LOG:-}" ] && trap 'cp "$dir/web.log" "$KEEP_WEB_LOG"; scratch_cleanup' EXIT

# MariaDB with the fixture, migrated, plus the demo cards.
scratch_mariadb_start "$dir/data" --innodb-buffer-pool-size=1G --innodb-log-file-size=512M
scratch_load_fixture
scratch_write_config 4
"$tvcas" migrate --config "$dir/tvcas.toml" >/dev/null
"$tvcas" demo-data --config "$dir/tvcas.toml" --cards "$cards"
total=$(scratch_sql "SELECT COUNT(*) FROM tvcas_smartcards")

# nginx with the repository's site in front of `tvcas web`.
scratch_nginx_config
scratch_nginx_start
scratch_web_start "$dir/web.log"
pids+=("$web")
base="http://127.0.0.1:$port"
admin=(-u admin:bench-admin-password)
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
rss() { awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$web/status"; }
for _ in $(seq 1 100); do curl -s -o /dev/null "${admin[@]}" "$base/cas/?op=smartcards" && break; sleep 0.1; done
rss_start=$(rss)

# Exports: the whole table, through nginx to a file.
export_time() { # role base user:password file
    curl -sS --fail -o "$4" -w '%{time_total}' -u "$3" "$base$2?op=smartcards&csv=export"
}
admin_seconds=$(export_time admin /cas/ admin:bench-admin-password "$dir/admin.csv")
oper_seconds=$(export_time oper / oper:bench-oper-password "$dir/oper.csv")
rss_export=$(rss)
admin_lines=$(($(wc -l <"$dir/admin.csv") + 1))
[ "$admin_lines" = $((total + 1)) ] || { echo "csv-bench: the admin export has $admin_lines lines for $total cards" >&2; exit 1; }

# Import: 50,000 existing cards with a new finish and name, and 50,000 new serials.
{
    awk 'NR == 1 { print; exit }' "$dir/admin.csv"
    awk -F';' 'BEGIN { OFS = ";" } NR > 1 && NR <= 50001 { $2 = "Imported " NR; $9 = 1900000000; print }' "$dir/admin.csv"
    awk 'BEGIN { for (i = 0; i < 50000; i++) printf "%d;New card %d;Bench st. %d;%032X;0000FFFF;1;0;1600000000;1900000000;0\n", 2108000000 + i, i, i, i }'
} >"$dir/import.csv"
token=$(curl -sS "${admin[@]}" "$base/cas/?op=smartcards&csv=import" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
cpu_web=$(cpu "$web")
cpu_db=$(cpu "$mariadbd_pid")
perf_pid=""
if [ -n "${PROFILE:-}" ] && command -v perf >/dev/null; then
    perf record -F 999 -g -p "$mariadbd_pid,$web" -o "$dir/perf.data" >/dev/null 2>&1 &
    perf_pid=$!
fi
import_result=$(curl -sS -H 'Expect:' -o "$dir/import.html" -w '%{http_code} %{time_total}' "${admin[@]}" \
    -F "loadfile=@$dir/import.csv;filename=import.csv;type=text/csv" --form-string "csrf=$token" "$base/cas/?op=smartcards&csv=import")
import_status=${import_result% *}
import_seconds=${import_result#* }
rss_import=$(rss)
if [ -n "$perf_pid" ]; then
    kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true
    perf report -i "$dir/perf.data" --no-children --sort comm,dso,sym --percent-limit 0.7 --stdio 2>/dev/null | grep -E '^ +[0-9]' >"$top/.build/perf-csv-import.txt" || true
fi
cpu_web=$(awk -v a="$cpu_web" -v b="$(cpu "$web")" 'BEGIN { printf "%.1f", b - a }')
cpu_db=$(awk -v a="$cpu_db" -v b="$(cpu "$mariadbd_pid")" 'BEGIN { printf "%.1f", b - a }')
summary=$(grep -o 'Add new: [0-9]*<br>Update items: [0-9]*' "$dir/import.html" | sed 's/<br>/, /' || true)
[ "$import_status" = 200 ] || { echo "csv-bench: the import answered $import_status" >&2; sed 's/<[^>]*>//g' "$dir/import.html" | grep -m 5 Line >&2 || true; exit 1; }
changes=$(scratch_sql "SELECT COUNT(*) FROM tvcas_card_changes WHERE source = 'csv'")
log=$(scratch_sql "SELECT msg FROM tvcas_logs WHERE msg LIKE 'Import CSV%' ORDER BY id DESC LIMIT 1")

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
echo "CSV benchmark: $total cards; tvcas web (4 workers) behind nginx; 2 cores shared"
printf '%-42s %10s   %s\n' measurement result "target (issue 13)"
printf '%-42s %9ss   %s\n' "admin export, $total cards ($(mb "$dir/admin.csv"))" "$admin_seconds" "< 10 s for 1,000,000 cards"
printf '%-42s %9ss   %s\n' "operator export ($(mb "$dir/oper.csv"))" "$oper_seconds" "< 10 s for 1,000,000 cards"
printf '%-42s %9ss   %s\n' "admin import, 100,000 lines" "$import_seconds" "< 10 s for 100,000 rows"
echo "import: $summary; $changes change-queue rows; log: $log"
echo "import CPU: tvcas web $cpu_web s, mariadbd $cpu_db s"
echo "tvcas web peak RSS (VmHWM): $rss_start after start, $rss_export after both exports, $rss_import after the import (flat memory: the export adds little)"
