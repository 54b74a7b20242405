# The scratch stack the whole-system benchmarks share: a private MariaDB on a socket, a tvcas.toml
# pointing at it, nginx with the repository's site in front of `tvcas web`, and a cleanup trap that
# stops what was started and removes the scratch folder. Sourced (not run) by Benchmarks/*.sh after
# `set -euo pipefail` and `top=<repository root>`.
#
# scratch_require NAME HINT TOOL...   exits when a tool is missing (HINT: what to apt-get install)
# scratch_require_binary NAME PATH    exits when the tvcas binary is not there
# scratch_init PREFIX                 sets dir, sock, web_sock, port, pids; traps EXIT to scratch_cleanup
# scratch_mariadb_start DATA ARGS...  starts mariadbd on DATA (installs it when new; scratch_fresh=1),
#                                     ARGS are extra mariadbd options; sets mariadbd_pid
# scratch_load_fixture                creates the tvcas database from the shared fixture
# scratch_write_config WORKERS        writes $dir/tvcas.toml
# scratch_sql QUERY                   runs QUERY on the tvcas database, tab-separated without names
# scratch_nginx_config                writes nginx's configuration under $dir/nginx (port $port)
# scratch_nginx_start                 starts nginx with it
# scratch_web_start LOG [ARGS...]     starts `tvcas web` (ARGS added), sets web, waits for its socket

scratch_require() {
    local name=$1 hint=$2 tool
    shift 2
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$name: $tool is missing (apt-get install $hint)" >&2; exit 1; }
    done
}

scratch_require_binary() {
    [ -x "$2" ] || { echo "$1: no tvcas binary at $2 (swift build -c release --product tvcas)" >&2; exit 1; }
}

scratch_init() {
    dir=$(mktemp -d "/tmp/$1.XXXXXX")
    sock="$dir/mysqld.sock"
    web_sock="$dir/web.sock"
    port=$((20000 + RANDOM % 20000))
    pids=()
    trap scratch_cleanup EXIT
}

scratch_cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -S "$sock" ] && mariadb-admin -uroot -S "$sock" shutdown 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$dir"
}

scratch_mariadb_start() {
    local data=$1
    shift
    local user_args=()
    if [ "$(id -u)" = 0 ]; then user_args=(--user=mysql); chown mysql:mysql "$dir"; fi
    scratch_fresh=0
    if [ ! -d "$data/mysql" ]; then
        scratch_fresh=1
        mkdir -p "$data"
        if [ "$(id -u)" = 0 ]; then chown mysql:mysql "$data"; fi
        mariadb-install-db --no-defaults "${user_args[@]}" --datadir="$data" --auth-root-authentication-method=socket \
            --skip-test-db >"$dir/install.log" 2>&1
    fi
    mariadbd --no-defaults "${user_args[@]}" --datadir="$data" --socket="$sock" --pid-file="$dir/mysqld.pid" \
        --skip-networking --log-error="$dir/mariadb.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --max-connections=200 "$@" &
    mariadbd_pid=$!
    pids+=("$mariadbd_pid")
    for _ in $(seq 1 200); do mariadb-admin -uroot -S "$sock" ping >/dev/null 2>&1 && break; sleep 0.1; done
}

scratch_load_fixture() {
    mariadb -uroot -S "$sock" -e "CREATE DATABASE tvcas"
    mariadb -uroot -S "$sock" tvcas <"$top/../shared/fixtures/tvcas.sql"
}

scratch_write_config() {
    cat >"$dir/tvcas.toml" <<TOML
ecm_key = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
pass_admin = "bench-admin-password"
pass_oper = "bench-oper-password"
api_key = "trololoapi"
mysql_socket = "$sock"
mysql_user = "root"
mysql_pass = ""
mysql_base = "tvcas"
sql_dir = "$top/sql"
log_level = "error"
[web]
secret = "benchmark-secret-0123456789"
listen = "unix:$web_sock"
workers = $1
TOML
}

scratch_sql() { mariadb -uroot -S "$sock" tvcas -B -N -e "$1"; }

scratch_nginx_config() {
    mkdir -p "$dir/public"
    bash "$top/scripts/nginx-config.sh" "$dir/nginx" "127.0.0.1:$port" "unix:$web_sock" "$dir/public" "$dir/nginx/error.log" off
}

scratch_nginx_start() {
    nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" &
    pids+=($!)
}

scratch_web_start() {
    local log=$1
    shift
    rm -f "$web_sock"
    "$tvcas" web --config "$dir/tvcas.toml" "$@" >"$log" 2>&1 &
    web=$!
    for _ in $(seq 1 200); do [ -S "$web_sock" ] && break; sleep 0.05; done
}
