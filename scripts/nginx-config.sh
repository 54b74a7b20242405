#!/usr/bin/env bash
# Writes a private nginx's configuration into DIR: site.conf (the repository's nginx/tvcas.conf with
# its placeholders filled) and nginx.conf (foreground, pid file and temp paths inside DIR).
# Start it with `nginx -p DIR -c DIR/nginx.conf`. Used by `make run` and Benchmarks/api-wrk.sh.
# usage: nginx-config.sh DIR LISTEN FASTCGI PUBLIC_DIR ERROR_LOG ACCESS_LOG|off
set -euo pipefail

dir=$1 listen=$2 fastcgi=$3 public=$4 error_log=$5 access_log=$6
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
sed -e "s|@LISTEN@|$listen|" -e "s|@FASTCGI@|$fastcgi|" -e "s|@PUBLIC@|$public|" \
    "$top/nginx/tvcas.conf" >"$dir/site.conf"
cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $error_log warn;
$([ "$(id -u)" = 0 ] && echo "user root;")
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $access_log;
    client_body_temp_path $dir/client_body;
    fastcgi_temp_path $dir/fastcgi;
    proxy_temp_path $dir/proxy;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/site.conf;
}
CONF
