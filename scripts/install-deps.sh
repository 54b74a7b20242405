#!/usr/bin/env bash
# Installs what TVCAS needs to build, test and run on Debian 12 (as root), and nothing that is
# already there. Used by `make run` and `make test`; safe to run again.
# `--ha` adds what `make test-ha` needs (a Galera cluster on loopback), `--bench` what the
# whole-system benchmarks need (wrk).
set -euo pipefail

packages=(
    pkg-config libssl-dev libcrypt-dev        # 3DES, MD5, crypt(3)
    libmariadb-dev mariadb-server mariadb-client
    libfcgi-dev libfcgi-bin                   # FastCGI responder, cgi-fcgi for the API checker
    nginx curl
    tshark                                    # SimulCrypt dissector for capture checks
    systemd                                   # systemd-analyze scores the installed units
    chromium chromium-driver                  # the panels' real-browser test
)
python_packages=(
    simulcrypt                                # third-party SCS and MUX simulators, smdecode
    selenium                                  # drives chromium in the browser test
)
for option in "$@"; do
    case "$option" in
        --ha) packages+=(galera-4 rsync) ;;    # a 3-node cluster with rsync SST
        --bench) packages+=(wrk) ;;           # HTTP load for the API benchmarks
        *) echo "install-deps: unknown option $option" >&2; exit 2 ;;
    esac
done

missing=()
command -v python3 >/dev/null || packages+=(python3 python3-pip)
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "install-deps: missing Debian packages (${missing[*]}); run as root or install them" >&2
        exit 1
    fi
    if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
        echo "install-deps: apt-get update"
        apt-get update -qq
    fi
    echo "install-deps: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for p in "${python_packages[@]}"; do
    python3 -c "import importlib.metadata as m; m.version('$p')" 2>/dev/null && continue
    echo "install-deps: pip install $p"
    python3 -m pip install -q "$p" 2>/dev/null || python3 -m pip install -q --break-system-packages "$p"
done
