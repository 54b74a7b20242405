#!/usr/bin/env bash
# The end of `make install`: creates the tvcas user (on the real root only) and, when there is no
# configuration yet, writes one with random keys, passwords and [web] secret. Never replaces an
# existing tvcas.toml. Arguments: DESTDIR PREFIX SYSCONFDIR TVCAS SYSUSERSDIR.
set -euo pipefail
destdir=$1 prefix=$2 sysconfdir=$3 tvcas=$4 sysusersdir=$5
conf="$destdir$sysconfdir/tvcas/tvcas.toml"
logins="$destdir$sysconfdir/tvcas/initial-logins.txt"

say() { printf 'install: %s\n' "$*"; }

if [ -z "$destdir" ] && [ "$(id -u)" = 0 ] && command -v systemd-sysusers >/dev/null; then
    systemd-sysusers "$sysusersdir/tvcas.conf" || say "systemd-sysusers failed; create the tvcas user yourself"
fi

if [ -e "$conf" ]; then
    say "$conf exists: kept (compare it with tvcas.toml.example)"
else
    "$tvcas" init-config --out "$conf" --state-dir /var/lib/tvcas --sql-dir "$prefix/share/tvcas/sql" \
        --listen unix:/run/tvcas/web.sock >"$logins"
    chmod 600 "$logins"
    # The services run as tvcas and must read the file; on a DESTDIR staging root the group may not exist.
    if chgrp tvcas "$conf" 2>/dev/null; then chmod 640 "$conf"; else say "chgrp tvcas $conf failed: do it once the tvcas user exists"; fi
    say "wrote $conf with a random ECM key, passwords, API key and secret; logins in $logins (read, then delete it)"
    say "set ecm_key to the key your cards hold and the database settings before starting the services"
fi
