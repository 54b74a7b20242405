#!/usr/bin/env bash
# A MariaDB Galera cluster of 3 nodes on 127.0.0.1 in a scratch folder, for benchmarks and trials
# (the HA tests use TVCASTesting's GaleraCluster, which writes the same configuration).
#
#   galera-cluster.sh up DIR [BUFFER_POOL]   bootstrap n1, join n2 and n3 by rsync SST, wait for Synced;
#                                            prints mysql_server (the host list) on the last line
#   galera-cluster.sh kill DIR N             kill -9 node N (a crash)
#   galera-cluster.sh rejoin DIR N           recover node N's position (--wsrep-recover) and restart it (IST)
#   galera-cluster.sh bootstrap DIR N        pc.bootstrap=YES on node N (a survivor without quorum)
#   galera-cluster.sh down DIR               stop every node (SIGTERM by pid, newest first), remove DIR
# Ports: SQL 3311-3313, Galera 4567/4577/4587 (IST +1, SST +2) unless BASE_SQL / BASE_GALERA are set.
# Client user: tvcas@127.0.0.1, password tvcas-ha (all privileges).
set -euo pipefail

cmd=${1:?usage: galera-cluster.sh up|kill|rejoin|bootstrap|down DIR [N]}
dir=${2:?DIR missing}
base_sql=${BASE_SQL:-3311}
base_galera=${BASE_GALERA:-4567}
nodes=3

sql_port() { echo $((base_sql + $1 - 1)); }
galera_port() { echo $((base_galera + 10 * ($1 - 1))); }
peers() { local p=(); for n in $(seq 1 $nodes); do p+=("127.0.0.1:$(galera_port "$n")"); done; (IFS=,; echo "${p[*]}"); }
client() { mariadb --no-defaults -uroot -S "$dir/n$1/mysqld.sock" -B -N "${@:2}"; }
status() { client "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }

write_config() {
    local n=$1 pool=$2 g
    g=$(galera_port "$n")
    mkdir -p "$dir/n$n/data" "$dir/n$n/tmp"
    cat >"$dir/n$n/my.cnf" <<CNF
[mysqld]
user = mysql
datadir = $dir/n$n/data
tmpdir = $dir/n$n/tmp
socket = $dir/n$n/mysqld.sock
pid-file = $dir/n$n/mysqld.pid
log-error = $dir/n$n/err.log
port = $(sql_port "$n")
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb_buffer_pool_size = $pool
innodb_log_file_size = 64M
performance_schema = OFF
max_connections = 300
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
innodb_flush_log_at_trx_commit = ${FLUSH:-0}
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name = tvcas
wsrep_cluster_address = gcomm://$(peers)
wsrep_node_name = n$n
wsrep_node_address = 127.0.0.1:$g
wsrep_node_incoming_address = 127.0.0.1:$(sql_port "$n")
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$g;ist.recv_addr=127.0.0.1:$((g + 1));gcache.size=256M;evs.suspect_timeout=PT5S;evs.inactive_timeout=PT10S"
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:$((g + 2))
wsrep_slave_threads = 2
wsrep_mode = STRICT_REPLICATION,REQUIRED_PRIMARY_KEY
CNF
}

start_node() {
    local n=$1; shift
    setsid mariadbd --defaults-file="$dir/n$n/my.cnf" "$@" >>"$dir/n$n/stdout.log" 2>&1 </dev/null &
    echo $! >"$dir/n$n/server.pid"
}

wait_synced() {
    for _ in $(seq 1 900); do
        [ "$(status "$1" wsrep_local_state_comment)" = Synced ] && [ "$(status "$1" wsrep_ready)" = ON ] && return 0
        kill -0 "$(cat "$dir/n$1/server.pid")" 2>/dev/null || break
        sleep 0.1
    done
    echo "galera-cluster: node n$1 did not sync; end of its log:" >&2
    tail -20 "$dir/n$1/err.log" >&2
    return 1
}

case $cmd in
up)
    pool=${3:-32M}
    [ -e /usr/lib/galera/libgalera_smm.so ] || { echo "galera-cluster: install galera-4 and rsync" >&2; exit 1; }
    mkdir -p "$dir"
    for n in $(seq 1 $nodes); do write_config "$n" "$pool"; done
    [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$dir"
    mariadb-install-db --defaults-file="$dir/n1/my.cnf" --auth-root-authentication-method=normal --skip-test-db >"$dir/n1/install.log" 2>&1
    [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$dir/n1"
    start_node 1 --wsrep-new-cluster
    wait_synced 1
    client 1 -e "DROP USER IF EXISTS ''@'localhost'; CREATE USER IF NOT EXISTS 'tvcas'@'127.0.0.1' IDENTIFIED BY 'tvcas-ha';
        GRANT ALL PRIVILEGES ON *.* TO 'tvcas'@'127.0.0.1' WITH GRANT OPTION;"
    for n in $(seq 2 $nodes); do start_node "$n"; done
    for n in $(seq 2 $nodes); do wait_synced "$n"; done
    hosts=()
    for n in $(seq 1 $nodes); do hosts+=("127.0.0.1:$(sql_port "$n")"); done
    (IFS=,; echo "${hosts[*]}")
    ;;
kill)
    kill -9 "$(cat "$dir/n$3/server.pid")"
    ;;
rejoin)
    n=$3
    rm -f "$dir/n$n/recover.log"
    mariadbd --defaults-file="$dir/n$n/my.cnf" --wsrep-recover --log-error="$dir/n$n/recover.log" >/dev/null 2>&1 || true
    pos=$(grep -o 'Recovered position: [^ ]*' "$dir/n$n/recover.log" | tail -1 | awk '{print $3}')
    if [ -n "$pos" ] && [ "${pos##*:}" != -1 ]; then start_node "$n" --wsrep-start-position="$pos"; else start_node "$n"; fi
    wait_synced "$n"
    ;;
bootstrap)
    client "$3" -e "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"
    ;;
down)
    for n in $(seq $nodes -1 1); do
        pid=$(cat "$dir/n$n/server.pid" 2>/dev/null || true)
        [ -n "$pid" ] && grep -q mariadbd "/proc/$pid/cmdline" 2>/dev/null && kill -TERM "$pid"
        for _ in $(seq 1 300); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    rm -rf "$dir"
    ;;
*)
    echo "galera-cluster: unknown command $cmd" >&2
    exit 2
    ;;
esac
