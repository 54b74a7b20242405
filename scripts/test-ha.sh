#!/usr/bin/env bash
# `make test-ha`: the high-availability tests (issue 15) against a 3-node MariaDB Galera cluster
# on loopback that the test process brings up (about 12 s, rsync SST) and tears down. Not part of
# `make test`: without TVCAS_HA=1 these suites are skipped.
#
#   scripts/test-ha.sh                 every HA suite
#   scripts/test-ha.sh BillingFailover only suites whose name matches (swift test --filter)
#   TVCAS_HA_KEEP=1 scripts/test-ha.sh keep the cluster's folder (/tmp/tvcas-galera-*) for its logs
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
swift=${SWIFT:-swift}

for need in /usr/lib/galera/libgalera_smm.so /usr/bin/rsync; do
    [ -e "$need" ] || { echo "test-ha: $need is missing (scripts/install-deps.sh installs galera-4 and rsync)" >&2; exit 1; }
done

filter="TVCASHATests"
[ $# -gt 0 ] && filter="TVCASHATests.*$1"

"$swift" build --build-tests
# One suite after another: the suites share one cluster and kill its nodes.
TVCAS_HA=1 timeout 1800 "$swift" test --skip-build --no-parallel --filter "$filter"
