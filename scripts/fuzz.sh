#!/usr/bin/env bash
# Builds the SimulCrypt decoder fuzzer (libFuzzer + AddressSanitizer, in its own scratch path so
# the normal build stays untouched), seeds its corpus from the golden vectors and runs it.
#   scripts/fuzz.sh SECONDS     (default 60; FUZZ_CONFIG=release for a faster, less checked build)
# Findings are written to Fuzz/.build-fuzz/artifacts/; keep each as a regression test in
# Tests/SimulCryptTests/FuzzRegressionTests.swift.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
scratch="$fuzz/.build-fuzz"
config="${FUZZ_CONFIG:-debug}"
vectors="${TVCAS_VECTOR_DIR:-$root/../shared/vectors}"

swift build --package-path "$fuzz" -c "$config" --scratch-path "$scratch" \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address --product SimulCryptFuzzer

corpus="$scratch/corpus"
mkdir -p "$corpus" "$scratch/artifacts"
python3 - "$vectors/simulcrypt.json" "$corpus" <<'PY'
import json, sys, pathlib
cases = json.load(open(sys.argv[1]))
out = pathlib.Path(sys.argv[2])
for case in cases:
    for field in ("pdu_hex", "reply_pdu_hex"):
        value = case.get(field)
        if isinstance(value, str) and value:
            (out / f"{case['id']}-{field.split('_')[0]}").write_bytes(bytes.fromhex(value))
PY

exec "$scratch/$config/SimulCryptFuzzer" "$corpus" \
    -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 -artifact_prefix="$scratch/artifacts/"
