#!/usr/bin/env bash
# `make run`: the whole TVCAS system with demo data on this machine, everything under var/.
# Ctrl-C stops what this script started; a second run reuses the data already in var/.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
var="$top/var"
tvcas="$top/.build/release/tvcas"
mysql_dir="$var/mysql"
mysql_sock="$var/run/mysqld.sock"
conf="$var/tvcas.toml"
pids=()
mysql_pid=""
sleeper=""

say() { printf 'run: %s\n' "$*"; }

stop_all() {
    trap - INT TERM EXIT
    say "stopping"
    [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null || true
    # Newest first: nginx and the web before the database they use.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "$mysql_pid" ] && mariadb-admin -uroot -S "$mysql_sock" ping >/dev/null 2>&1; then
        mariadb-admin -uroot -S "$mysql_sock" shutdown 2>/dev/null || true
        say "MariaDB stopped"
    fi
    wait 2>/dev/null || true
}

start_mariadb() {
    mkdir -p "$var/run" "$var/log/mariadb"
    local user_args=()
    if [ "$(id -u)" = 0 ]; then
        user_args=(--user=mysql)
        chown mysql:mysql "$var/run" "$var/log/mariadb"
    fi
    if [ ! -d "$mysql_dir/mysql" ]; then
        mkdir -p "$mysql_dir"
        [ "$(id -u)" = 0 ] && chown mysql:mysql "$mysql_dir"
        mariadb-install-db --no-defaults "${user_args[@]}" --datadir="$mysql_dir" \
            --auth-root-authentication-method=socket --skip-test-db >"$var/log/mariadb-install.log" 2>&1
        say "MariaDB data folder created in var/mysql"
    fi
    if mariadb-admin -uroot -S "$mysql_sock" ping >/dev/null 2>&1; then
        say "MariaDB already running on $mysql_sock"
        return
    fi
    mariadbd --no-defaults "${user_args[@]}" --datadir="$mysql_dir" --socket="$mysql_sock" \
        --pid-file="$var/run/mysqld.pid" --skip-networking --log-error="$var/log/mariadb/error.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci 2>/dev/null &
    mysql_pid=$!
    for _ in $(seq 1 100); do
        mariadb-admin -uroot -S "$mysql_sock" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    mariadb-admin -uroot -S "$mysql_sock" ping >/dev/null 2>&1 || { say "MariaDB did not start; see var/log/mariadb/error.log"; exit 1; }
    say "MariaDB started (pid $mysql_pid) on $mysql_sock, data in var/mysql, log var/log/mariadb/error.log"
}

write_config() {
    # A demo configuration with random passwords, API key and secret: no default credentials.
    # The passwords are stored hashed, so the logins printed once are kept in var/logins.txt.
    if [ ! -f "$conf" ]; then
        mkdir -p "$var/state"
        "$tvcas" init-config --demo --out "$conf" --state-dir "$var/state" \
            --mysql-socket "$mysql_sock" --listen "unix:$var/run/tvcas-web.sock" --sql-dir "$top/sql" >"$var/logins.txt"
        sed -i 's|^# metrics = ""$|metrics = "127.0.0.1:9465"|' "$conf"   # tvcas web's own /metrics
        chmod 600 "$var/logins.txt"
        say "demo configuration written to var/tvcas.toml"
    fi
    export TVCAS_CONFIG="$conf"
}

trap stop_all INT TERM EXIT
write_config
start_mariadb
mariadb -uroot -S "$mysql_sock" -e "CREATE DATABASE IF NOT EXISTS tvcas CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
"$tvcas" migrate --config "$conf" | sed 's/^/run: migrate: /'
"$tvcas" demo-data --config "$conf" --cards "${TVCAS_DEMO_CARDS:-10000}" --if-empty | sed 's/^/run: /'
say "database tvcas ready (mariadb -uroot -S $mysql_sock tvcas)"

start_web() {
    local sock="$var/run/tvcas-web.sock"
    "$tvcas" web --config "$conf" >>"$var/log/web.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.1; done
    [ -S "$sock" ] || { say "tvcas web did not start; see var/log/web.log"; exit 1; }
    say "tvcas web started (pid ${pids[-1]}) on $sock, log var/log/web.log; metrics http://127.0.0.1:9465/metrics"
}

start_nginx() {
    local dir="$var/nginx"
    bash "$top/scripts/nginx-config.sh" "$dir" 127.0.0.1:8080 "unix:$var/run/tvcas-web.sock" "$top/public" \
        "$var/log/nginx-error.log" "$var/log/nginx-access.log"
    nginx -p "$dir" -c "$dir/nginx.conf" &
    pids+=($!)
    for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:8080/ && break; sleep 0.1; done
    say "nginx started (pid ${pids[-1]}) on http://127.0.0.1:8080, logs var/log/nginx-*.log"
}

start_supervisor() {
    "$tvcas" supervise --config "$conf" >>"$var/log/supervise.log" 2>&1 &
    pids+=($!)
    say "supervisor started (pid ${pids[-1]}), log var/log/supervise.log; metrics http://127.0.0.1:9464/metrics, children at /targets"
    local ports=""
    for _ in $(seq 1 40); do
        ports=$(mariadb -uroot -S "$mysql_sock" -N -B tvcas -e "SELECT CONCAT('ECMG_', e.id, ' (pid ', s.pid, ') serves SCS connections on port ', e.port) FROM tvcas_ecmg e JOIN tvcas_generator_state s ON s.kind = 'ecmg' AND s.generator_id = e.id WHERE s.pid IS NOT NULL AND e.enable = 1" 2>/dev/null || true)
        [ -n "$ports" ] && break
        sleep 0.25
    done
    say "${ports:-no ECMG running yet; see var/log/supervise.log}"
}

start_demo_mux() {
    # A demo MUX for the demo EMMG: PyPI simulcrypt's `mux` simulator on the row's port.
    local row
    row=$(mariadb -uroot -S "$mysql_sock" -N -B tvcas -e "SELECT port, client_id FROM tvcas_emmg WHERE enable = 1 AND host = '127.0.0.1' ORDER BY id LIMIT 1" 2>/dev/null || true)
    [ -n "$row" ] || return 0
    local port client
    read -r port client <<<"$row"
    command -v mux >/dev/null || { say "no demo MUX: PyPI simulcrypt's mux is not installed"; return 0; }
    mux "$(printf '0x%08X' "$client")" -p "$port" -d --channel_id 1 --stream_id 1 --data_id 1 -b 64 >>"$var/log/mux.log" 2>&1 &
    pids+=($!)
    say "demo MUX (PyPI simulcrypt mux) started (pid ${pids[-1]}) on port $port; EMMs it receives are logged in var/log/mux.log"
}

start_web
start_nginx
start_demo_mux
start_supervisor
api_key=$(sed -n 's/^api key: //p' "$var/logins.txt")
serial=$(mariadb -uroot -S "$mysql_sock" -N -B tvcas -e "SELECT serial_no FROM tvcas_smartcards ORDER BY serial_no LIMIT 1")
say "admin panel:    http://127.0.0.1:8080/cas/?op=smartcards  (user admin, password below)"
say "operator panel: http://127.0.0.1:8080/?op=smartcards      (user oper, password below)"
say "billing API: http://127.0.0.1:8080/api.php?api_key=$api_key&serial_no=$serial"
say "configuration: $conf (logins below, kept in var/logins.txt)"
sed 's/^/    /' "$var/logins.txt"
say "running; press Ctrl-C to stop everything"
# `wait` (unlike a foreground sleep) lets the INT/TERM trap run at once.
if [ -n "${TVCAS_RUN_SECONDS:-}" ]; then
    sleep "$TVCAS_RUN_SECONDS" &
    sleeper=$!
    wait $sleeper
else
    while true; do
        sleep 3600 &
        sleeper=$!
        wait $sleeper
    done
fi
